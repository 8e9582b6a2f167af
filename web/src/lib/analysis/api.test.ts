import { describe, expect, it } from 'vitest'
import { ApiError } from '../api'
import { invalidLocation, isAccessError } from './api'

describe('analysis api helpers', () => {
  it('reads where PostGIS found a boundary invalid', () => {
    const error = new ApiError('invalid_geometry', 'geometry 0 is invalid: Self-intersection at [115.4005, 28.7005]', 422, '/api/zones')
    expect(invalidLocation(error)).toEqual([115.4005, 28.7005])
    expect(invalidLocation(new ApiError('invalid_geometry', 'geometry 0 is invalid: Too few points', 422, '/api/zones'))).toBeNull()
    expect(invalidLocation(new Error('at [1, 2]'))).toBeNull()
  })

  it('tells access errors (401, 403) from others', () => {
    expect(isAccessError(new ApiError('unauthorized', 'sign in first', 401, '/x'))).toBe(true)
    expect(isAccessError(new ApiError('forbidden', 'no', 403, '/x'))).toBe(true)
    expect(isAccessError(new ApiError('conflict', 'stale', 409, '/x'))).toBe(false)
  })
})
