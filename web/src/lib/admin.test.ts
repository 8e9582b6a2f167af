import { describe, expect, it } from 'vitest'
import { newUserProblem } from './admin'

describe('newUserProblem', () => {
  const ok = { email: 'zhang.san@park.gov.cn', password: '0123456789', role: 'planner' as const }
  it('accepts a complete account', () => {
    expect(newUserProblem(ok)).toBeNull()
  })
  it('names the first problem', () => {
    expect(newUserProblem({ ...ok, email: 'zhang' })).toBe('email')
    expect(newUserProblem({ ...ok, password: '012345678' })).toBe('passwordShort')
    expect(newUserProblem({ ...ok, role: 'mayor' as never })).toBe('role')
  })
})
