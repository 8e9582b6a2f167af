import { describe, expect, it } from 'vitest'
import { addYears, dayNumber, idleClock, idleLandFeeWan, parkToday } from './idle-clock'

describe('addYears', () => {
  it('keeps the day, or takes the month end when there is none', () => {
    expect(addYears('2020-03-01', 1)).toBe('2021-03-01')
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28')
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29')
    expect(addYears('2019-12-31', 2)).toBe('2021-12-31')
  })
  it('refuses what is not a date', () => {
    expect(() => addYears('2021-02-30', 1)).toThrow(RangeError)
  })
})

describe('dayNumber', () => {
  it('counts UTC days and rejects impossible dates', () => {
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('2021-02-29')).toBeNull()
    expect(dayNumber('2021-2-3')).toBeNull()
  })
})

describe('idleClock (国土资源部令第53号)', () => {
  const agreed = '2020-03-01'
  it('before the agreed date and in the year of grace', () => {
    expect(idleClock(agreed, '2020-02-15')!.stage).toBe('before_start')
    expect(idleClock(agreed, '2020-03-01')!.stage).toBe('before_start')
    expect(idleClock(agreed, '2020-03-02')!.stage).toBe('grace')
    expect(idleClock(agreed, '2021-03-01')).toMatchObject({ stage: 'grace', daysToNext: 1 })
  })
  it('idle with the 20 % fee once a full year has passed', () => {
    const c = idleClock(agreed, '2021-03-02')!
    expect(c).toEqual({ stage: 'idle_fee', agreedStart: agreed, idleFrom: '2021-03-02', recoveryFrom: '2022-03-02', daysToNext: 365 })
  })
  it('recovery without compensation after two full years', () => {
    expect(idleClock(agreed, '2022-03-01')!.stage).toBe('idle_fee')
    expect(idleClock(agreed, '2022-03-02')).toMatchObject({ stage: 'recovery', daysToNext: null })
  })
  it('a 29 February start counts to the month end', () => {
    expect(idleClock('2020-02-29', '2021-03-01')).toMatchObject({ stage: 'idle_fee', idleFrom: '2021-03-01', recoveryFrom: '2022-03-01' })
  })
  it('no clock without real dates', () => {
    expect(idleClock('', '2021-01-01')).toBeNull()
    expect(idleClock('2020-01-01', 'today')).toBeNull()
  })
})

describe('idleLandFeeWan', () => {
  it('is 20 % of price × mu, or null without a price', () => {
    expect(idleLandFeeWan(30, 50)).toBe(300)
    expect(idleLandFeeWan(null, 50)).toBeNull()
  })
})

describe('parkToday', () => {
  it("is the park's calendar day (UTC+8), whatever the machine's time zone", () => {
    expect(parkToday(new Date(Date.UTC(2022, 0, 5, 15, 59)))).toBe('2022-01-05')
    expect(parkToday(new Date(Date.UTC(2022, 0, 5, 16, 0)))).toBe('2022-01-06')
    expect(parkToday(new Date(Date.UTC(2021, 11, 31, 16, 30)))).toBe('2022-01-01')
  })
})
