import { describe, expect, it } from 'vitest'
import { gradeOfRank, rankAndGrade } from './per-mu-rank'

const ZJ = Object.freeze({ A: 20, B: 60, C: 95 })

describe('gradeOfRank', () => {
  it('27 firms: A ranks 1–5, B 6–16, C 17–25, D 26–27 (boundaries inclusive, no rounding)', () => {
    const grades = Array.from({ length: 27 }, (_, i) => gradeOfRank(i + 1, 27, ZJ))
    expect(grades.join('')).toBe('AAAAA' + 'B'.repeat(11) + 'C'.repeat(9) + 'DD')
  })
  it('20 firms: exactly 4 A, 8 B, 7 C, 1 D — a rank on the boundary takes the better grade', () => {
    const grades = Array.from({ length: 20 }, (_, i) => gradeOfRank(i + 1, 20, ZJ)).join('')
    expect(grades).toBe('AAAA' + 'B'.repeat(8) + 'C'.repeat(7) + 'D')
  })
  it('fractional thresholds are not lost to binary rounding', () => {
    // 1 ÷ 3 × 100 = 33.33… > 33.3; 33.4 takes it
    expect(gradeOfRank(1, 3, { A: 33.3, B: 66.7, C: 100 })).toBe('B')
    expect(gradeOfRank(1, 3, { A: 33.4, B: 66.7, C: 100 })).toBe('A')
    expect(gradeOfRank(3, 10, { A: 10, B: 30, C: 95 })).toBe('B') // 0.3 × 100 vs 30 × 10
  })
  it('C at 100 % leaves no D', () => {
    expect(gradeOfRank(10, 10, { A: 20, B: 60, C: 100 })).toBe('C')
  })
  it('a lone firm is at the 100th percentile: D under the default thresholds', () => {
    expect(gradeOfRank(1, 1, ZJ)).toBe('D')
  })
})

describe('rankAndGrade', () => {
  it('best first; ties share the best rank, the next rank skips (1224)', () => {
    const r = rankAndGrade(
      [
        { id: 'c', score: 90 },
        { id: 'a', score: 120 },
        { id: 'b', score: 90 + 1e-9 }, // equal to 6 decimals
        { id: 'd', score: 10 },
      ],
      { A: 25, B: 50, C: 75 },
    )
    expect(r).toEqual([
      { id: 'a', rank: 1, grade: 'A' },
      { id: 'b', rank: 2, grade: 'B' },
      { id: 'c', rank: 2, grade: 'B' },
      { id: 'd', rank: 4, grade: 'D' },
    ])
  })
  it('a tie across a boundary takes the better grade for both', () => {
    const firms = Array.from({ length: 10 }, (_, i) => ({ id: `f${i}`, score: 100 - i }))
    firms[2]!.score = firms[1]!.score // ranks 2 and 3 tie; A is ranks 1–2
    const r = rankAndGrade(firms, ZJ)
    expect(r.slice(0, 4).map((x) => `${x.rank}${x.grade}`)).toEqual(['1A', '2A', '2A', '4B'])
  })
  it('empty group → empty', () => expect(rankAndGrade([], ZJ)).toEqual([]))
  it('does not reorder its input', () => {
    const input = Object.freeze([Object.freeze({ id: 'x', score: 1 }), Object.freeze({ id: 'y', score: 2 })])
    rankAndGrade(input, ZJ)
    expect(input.map((f) => f.id)).toEqual(['x', 'y'])
  })
})
