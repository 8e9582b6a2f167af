import type { FastifyInstance, FastifyRequest } from 'fastify'
import type pg from 'pg'
import type { RouteContext } from '../context'
import { hashPassword } from '../auth/passwords'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type AccountChanges, type NewAccount } from '../../web/src/shared/api/accounts'
import { ROLES } from '../../web/src/shared/access-policy'
import { endUserSessions } from '../auth/sessions'
import { getUser, insertUser, listUsers, setPasswordHash, updateUser, type AccountRecord } from '../auth/users'
import { appendAudit } from '../edits/audit'
import { withTransaction } from '../db/transaction'
import { Conflict, NotFound } from '../errors'
import { actorOf } from '../http/actor'
import { nameText } from '../http/text-schema'

const password = { type: 'string', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH } as const
const role = { type: 'string', enum: [...ROLES] } as const
/** Given or not at all (the account then has none): when given, a name. */
const displayName = nameText(200)
const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 20 } }, required: ['id'] } as const

interface IdParams { id: string }

/** Account ids are positive integers; anything else names no account (404, as for a missing one). */
function accountId(raw: string): number {
  if (!/^[1-9]\d{0,14}$/.test(raw)) throw new NotFound(`no account with id "${raw.slice(0, 20)}"`)
  return Number(raw)
}

async function lockedAccount(client: pg.PoolClient, id: number): Promise<AccountRecord> {
  const user = await getUser(client, id, true)
  if (!user) throw new NotFound(`no account with id ${id}`)
  return user
}

/**
 * An admin may not demote or disable their own account. That is enough to keep the park
 * administrable: whoever demotes or disables an admin is an enabled admin who stays one.
 */
function assertNotSelf(req: FastifyRequest, target: AccountRecord, changes: AccountChanges): void {
  const losesAdmin = (changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true
  if (target.id === req.user?.id && losesAdmin) throw new Conflict('you cannot demote or disable your own account; another admin can')
}

/** /api/admin/users… — accounts and roles: list, create, change role or name, disable, reset password. Audited. */
export async function adminUserRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const pool = ctx.db.pool

  app.get('/api/admin/users', async () => ({ users: await listUsers(pool) }))

  app.post<{ Body: NewAccount }>('/api/admin/users', {
    schema: {
      body: {
        type: 'object',
        properties: { email: { type: 'string', format: 'email', maxLength: 254 }, password, role, display_name: displayName },
        required: ['email', 'password', 'role'],
        additionalProperties: false,
      },
    },
  }, async (req, reply) => {
    const passwordHash = await hashPassword(req.body.password)
    const user = await withTransaction(pool, async (client) => {
      const created = await insertUser(client, { email: req.body.email, display_name: req.body.display_name ?? '', role: req.body.role, password_hash: passwordHash })
      if (!created) throw new Conflict(`an account with the email ${req.body.email.toLowerCase()} exists already`)
      await appendAudit(client, { actor: actorOf(req), action: 'create_user', entity: 'users', entityId: String(created.id), before: null, after: created })
      return created
    })
    return reply.status(201).send({ user })
  })

  app.patch<{ Params: IdParams; Body: AccountChanges }>('/api/admin/users/:id', {
    schema: {
      params: idParams,
      body: { type: 'object', properties: { role, display_name: displayName, disabled: { type: 'boolean' } }, minProperties: 1, additionalProperties: false },
    },
  }, async (req) => {
    const id = accountId(req.params.id)
    const user = await withTransaction(pool, async (client) => {
      const before = await lockedAccount(client, id)
      assertNotSelf(req, before, req.body)
      const after = await updateUser(client, id, req.body)
      // A disabled account is signed out everywhere at once (lookups also refuse it).
      if (req.body.disabled === true) await endUserSessions(client, id)
      await appendAudit(client, { actor: actorOf(req), action: 'update_user', entity: 'users', entityId: String(id), before, after })
      return after
    })
    return { user }
  })

  app.post<{ Params: IdParams; Body: { password: string } }>('/api/admin/users/:id/password', {
    schema: {
      params: idParams,
      body: { type: 'object', properties: { password }, required: ['password'], additionalProperties: false },
    },
  }, async (req, reply) => {
    const id = accountId(req.params.id)
    const passwordHash = await hashPassword(req.body.password)
    await withTransaction(pool, async (client) => {
      const before = await lockedAccount(client, id)
      const after = await setPasswordHash(client, id, passwordHash)
      await endUserSessions(client, id)
      // The audit says that the password changed, never what to.
      await appendAudit(client, { actor: actorOf(req), action: 'reset_password', entity: 'users', entityId: String(id), before, after })
    })
    return reply.status(204).send()
  })
}
