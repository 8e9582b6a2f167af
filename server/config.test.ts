import { describe, expect, it } from 'vitest'
import { readConfig } from './config'

describe('readConfig: the read replica', () => {
  it('is off unless DATABASE_READ_URL is set', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://db/park' }).databaseReadUrl).toBeUndefined()
    expect(readConfig({ DATABASE_URL: 'postgres://db/park', DATABASE_READ_URL: '' }).databaseReadUrl).toBeUndefined()
  })

  it('takes DATABASE_READ_URL beside DATABASE_URL', () => {
    const config = readConfig({ DATABASE_URL: 'postgres://primary/park', DATABASE_READ_URL: 'postgres://replica/park' })
    expect(config).toMatchObject({ databaseUrl: 'postgres://primary/park', databaseReadUrl: 'postgres://replica/park' })
  })

  it('refuses a replica without a primary: the embedded database has none', () => {
    expect(() => readConfig({ DATABASE_READ_URL: 'postgres://replica/park' })).toThrow(/DATABASE_READ_URL is a replica of DATABASE_URL/)
  })
})
