import { describe, expect, it } from 'vitest'
import { addDays, caseDeadlines, latestExtendedStart, nextDue, type DeadlineInput } from './idle-deadlines'
import { IDLE_PATHS, IDLE_STAGES, allowedNextStages, isAllowedStageMove, parcelStatusForCase } from './park-vocabulary'

const base: DeadlineInput = { category: 'idle', stage: 'investigation', agreed_start_date: null, opened_on: '2024-01-31', price_wan_per_mu: null, area_mu: 0, steps: [] }

describe('the stage graph', () => {
  it('each path runs investigation → … → revitalised; low-efficiency land has no notice', () => {
    expect(IDLE_PATHS.idle).toEqual(['investigation', 'notice', 'determination', 'disposal_plan', 'implementing', 'revitalised'])
    expect(IDLE_PATHS.low_efficiency).toEqual(['investigation', 'determination', 'disposal_plan', 'implementing', 'revitalised'])
  })
  it('from an open stage: the next one or closed; from an end: nothing; never back', () => {
    expect(allowedNextStages('idle', 'notice')).toEqual(['determination', 'closed'])
    expect(allowedNextStages('low_efficiency', 'notice')).toEqual([]) // not on its path at all
    expect(allowedNextStages('idle', 'revitalised')).toEqual([])
    expect(allowedNextStages('idle', 'closed')).toEqual([])
    for (const c of ['idle', 'low_efficiency'] as const) {
      for (const from of IDLE_STAGES) for (const to of IDLE_STAGES) {
        if (isAllowedStageMove(c, from, to) && to !== 'closed') expect(IDLE_PATHS[c].indexOf(to) - IDLE_PATHS[c].indexOf(from)).toBe(1)
      }
    }
  })
  it('the parcel follows: the category until determined, revitalising while disposed of, the holder’s again when closed', () => {
    expect(['investigation', 'notice', 'determination', 'disposal_plan', 'implementing', 'revitalised', 'closed'].map((s) => parcelStatusForCase(s as never, 'low_efficiency')))
      .toEqual(['low_efficiency', 'low_efficiency', 'low_efficiency', 'revitalising', 'revitalising', 'revitalised', 'occupied'])
  })
})

describe('53号令 deadlines, fee and recovery, hand-worked', () => {
  it('the holder answers the investigation within 30 days (第七条): 31 Jan 2024 + 30 days = 1 Mar 2024 (a leap year)', () => {
    expect(addDays('2024-01-31', 30)).toBe('2024-03-01')
    expect(nextDue(base, '2024-02-01')).toBe('2024-03-01')
    expect(nextDue({ ...base, category: 'low_efficiency' }, '2024-02-01')).toBeNull()
  })

  it('at notice, the hearing window the notice gave; at the plan, its due date; ended cases, nothing', () => {
    const steps = [{ stage: 'investigation' as const }, { stage: 'notice' as const, hearing_deadline: '2024-03-08' }]
    expect(nextDue({ ...base, stage: 'notice', steps }, '2024-03-01')).toBe('2024-03-08')
    expect(caseDeadlines({ ...base, stage: 'notice', steps }, '2024-03-09')).toMatchObject({ next_due: '2024-03-08', overdue: true })
    expect(caseDeadlines({ ...base, stage: 'notice', steps }, '2024-03-08')).toMatchObject({ overdue: false }) // the last day is still in time
    const plan = [...steps, { stage: 'disposal_plan' as const, due_date: '2024-12-31' }]
    expect(nextDue({ ...base, stage: 'disposal_plan', steps: plan }, '2024-06-01')).toBe('2024-12-31')
    expect(nextDue({ ...base, stage: 'revitalised', steps: plan }, '2024-06-01')).toBeNull()
    expect(nextDue({ ...base, stage: 'closed', steps: plan }, '2024-06-01')).toBeNull()
  })

  it('agreed start 1 Mar 2020, 50 mu at 30 万元/亩: idle from 2 Mar 2021, fee 300 万元, recovery from 2 Mar 2022', () => {
    // A full year after 1 Mar 2020 ends on 1 Mar 2021 (民法典 第二百零一、二百零二条); the fee is 30 × 50 × 20 % = 300.
    const c: DeadlineInput = { ...base, stage: 'determination', agreed_start_date: '2020-03-01', price_wan_per_mu: 30, area_mu: 50 }
    expect(caseDeadlines(c, '2021-01-01')).toEqual({ next_due: '2021-03-02', overdue: false, idle_from: '2021-03-02', recovery_from: '2022-03-02', fee_wan: 300 })
    expect(caseDeadlines(c, '2021-06-01').next_due).toBe('2022-03-02')
    expect(caseDeadlines(c, '2022-04-01').next_due).toBeNull()
  })

  it('the sample 庆丰包装 plot: agreed start 31 May 2020 → fee from 1 Jun 2021, recovery from 1 Jun 2022; 12.5 mu at 12 万元/亩 → 30 万元', () => {
    expect(caseDeadlines({ ...base, agreed_start_date: '2020-05-31', price_wan_per_mu: 12, area_mu: 12.5 }, '2022-01-01'))
      .toMatchObject({ idle_from: '2021-06-01', recovery_from: '2022-06-01', fee_wan: 30 })
  })

  it('29 Feb 2020: the anniversaries fall on 28 Feb, so idle from 1 Mar 2021 and recovery from 1 Mar 2022', () => {
    expect(caseDeadlines({ ...base, agreed_start_date: '2020-02-29' }, '2021-01-01')).toMatchObject({ idle_from: '2021-03-01', recovery_from: '2022-03-01' })
  })

  it('no fee without a price, nor for low-efficiency land; an extended start is at most a year on (第十二条)', () => {
    expect(caseDeadlines({ ...base, agreed_start_date: '2020-03-01', area_mu: 50 }, '2021-06-01').fee_wan).toBeNull()
    expect(caseDeadlines({ ...base, category: 'low_efficiency', price_wan_per_mu: 30, area_mu: 50 }, '2021-06-01')).toMatchObject({ fee_wan: null, idle_from: null })
    expect(latestExtendedStart('2024-02-29')).toBe('2025-02-28')
    expect(latestExtendedStart('2024-06-15')).toBe('2025-06-15')
  })
})
