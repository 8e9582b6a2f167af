import { hash, verify } from '@node-rs/argon2'

/**
 * argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): ≈0.1 s a hash here, which is what makes
 * a stolen `users` table slow to crack. The parameters are in each PHC string, so raising them later
 * still verifies old hashes.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2)
}

let dummyHash: Promise<string> | undefined

/**
 * True when `password` matches `passwordHash`. With no hash (unknown or disabled account) it still
 * runs one argon2 verification against a throw-away hash, so the answer takes as long either way and
 * timing does not tell which emails have accounts.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword('no account has this password')
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  try {
    return await verify(passwordHash, password)
  } catch {
    // A malformed stored hash is a failed sign-in, not a 500 that would tell the account exists.
    return false
  }
}
