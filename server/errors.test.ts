import { describe, expect, it } from 'vitest'
import { databaseClientError } from './errors'

describe('databaseClientError', () => {
  it('names a broken rule of the data by its constraint, and falls back on the SQLSTATE class', () => {
    expect(databaseClientError({ code: '23514', constraint: 'parcels_price_wan_per_mu_finite' })).toMatchObject({ status: 422, message: expect.stringMatching(/finite/) })
    expect(databaseClientError({ code: '23514', constraint: 'parcels_price_wan_per_mu_check' })).toMatchObject({ status: 422, code: 'invalid_value' })
    expect(databaseClientError({ code: '23505', constraint: 'users_email_key' })).toMatchObject({ status: 409, message: 'that already exists' })
    expect(databaseClientError({ code: '22P05' })).toMatchObject({ status: 400 })
    expect(databaseClientError({ code: '42P01', constraint: 'parcels_price_wan_per_mu_finite' })).toBeUndefined()
    expect(databaseClientError(new Error('no code'))).toBeUndefined()
  })
})
