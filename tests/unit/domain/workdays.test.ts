import { afterAll, describe, expect, test } from 'vitest';
import {
  addWorkingDays,
  calendarCovers,
  createWorkCalendar,
  deadlineAfter,
  isWorkingDay,
  shanghaiDate,
  unknownYearsBetween,
  workingDaysLeft,
} from '../../../gateway/src/domain/workdays.js';
import { loadWorkCalendar } from '../../../gateway/src/calendar.js';

// the calendar as the gateway loads it: the years the project ships (gateway/calendar/cn)
const CN = loadWorkCalendar().calendar;

// Every instant is written with its Shanghai offset; the last describe re-runs the sums under other
// machine time zones.
const at = (iso: string): Date => new Date(iso);
/** The deadline convention: the end of that day in Shanghai. */
const endOf = (day: string): string => new Date(`${day}T23:59:59.999+08:00`).toISOString();

describe('addWorkingDays: the 承诺办结时间 of a case accepted at a given moment', () => {
  const cases: [string, { given: { from: string; days: number }; want: string }][] = [
    ['an ordinary week: Monday + 3 is Thursday, the day of acceptance not counted', { given: { from: '2026-11-23T10:00+08:00', days: 3 }, want: endOf('2026-11-26') }],
    ['across a weekend: Thursday + 3 is next Tuesday', { given: { from: '2026-11-19T10:00+08:00', days: 3 }, want: endOf('2026-11-24') }],
    ['accepted on a Saturday: + 1 is Monday', { given: { from: '2026-11-21T10:00+08:00', days: 1 }, want: endOf('2026-11-23') }],
    ['即办: 0 days is the end of the day of acceptance', { given: { from: '2026-11-23T10:00+08:00', days: 0 }, want: endOf('2026-11-23') }],
    ['before 国庆 2025, Sunday 28 September is a 调休 working day', { given: { from: '2025-09-26T10:00+08:00', days: 3 }, want: endOf('2025-09-30') }],
    ['over 国庆/中秋 2025 (1–8 Oct off), ending on the 调休 Saturday 11 October', { given: { from: '2025-09-30T10:00+08:00', days: 3 }, want: endOf('2025-10-11') }],
    ['over 国庆 2026 (1–7 Oct off, Saturday 10 Oct worked)', { given: { from: '2026-09-30T09:00+08:00', days: 5 }, want: endOf('2026-10-13') }],
    ['into 春节 2026: Saturday 14 Feb worked, 15–23 Feb off', { given: { from: '2026-02-13T10:00+08:00', days: 2 }, want: endOf('2026-02-24') }],
    ['a 20-day permit accepted just before 春节 2026', { given: { from: '2026-02-13T10:00+08:00', days: 20 }, want: endOf('2026-03-19') }],
    ['春节 2025: Sunday 26 Jan worked, 28 Jan – 4 Feb off', { given: { from: '2025-01-24T10:00+08:00', days: 5 }, want: endOf('2025-02-07') }],
    ['over 元旦 2026 into the 调休 Sunday 4 January', { given: { from: '2025-12-31T10:00+08:00', days: 1 }, want: endOf('2026-01-04') }],
    ['01:00 Monday in Shanghai is still Sunday in UTC: the Shanghai day counts', { given: { from: '2026-11-22T17:00:00Z', days: 1 }, want: endOf('2026-11-24') }],
    ['23:30 Sunday in Shanghai is Sunday 15:30 UTC: next working day is Monday', { given: { from: '2026-11-22T15:30:00Z', days: 1 }, want: endOf('2026-11-23') }],
    ['beyond the data (2027): weekends only, so 1 October 2027 counts', { given: { from: '2027-09-30T10:00+08:00', days: 1 }, want: endOf('2027-10-01') }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    expect(addWorkingDays(at(given.from), given.days, CN).toISOString()).toBe(want);
  });

  test('the deadline is 23:59:59.999 in Shanghai, i.e. 15:59:59.999Z', () => {
    expect(addWorkingDays(at('2026-11-23T10:00+08:00'), 3, CN).toISOString()).toBe('2026-11-26T15:59:59.999Z');
  });

  test('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays(at('2026-11-23T10:00+08:00'), -1, CN)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-11-23T10:00+08:00'), 1.5, CN)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  const cases: [string, { given: string; want: boolean }][] = [
    ['an ordinary Monday', { given: '2026-11-23T12:00+08:00', want: true }],
    ['an ordinary Saturday', { given: '2026-11-21T12:00+08:00', want: false }],
    ['a 调休 Sunday (28 Sep 2025)', { given: '2025-09-28T12:00+08:00', want: true }],
    ['a weekday inside 国庆 2025 (8 Oct)', { given: '2025-10-08T12:00+08:00', want: false }],
    ['the last day of 春节 2026 (Monday 23 Feb)', { given: '2026-02-23T12:00+08:00', want: false }],
    ['a 调休 Saturday after 春节 2026 (28 Feb)', { given: '2026-02-28T12:00+08:00', want: true }],
    ['a 调休 Saturday after 劳动节 2026 (9 May)', { given: '2026-05-09T12:00+08:00', want: true }],
    ['端午 2025 Monday (2 June)', { given: '2025-06-02T12:00+08:00', want: false }],
    ['00:30 on the 调休 Saturday 14 Feb 2026 in Shanghai (still Friday in UTC)', { given: '2026-02-13T16:30:00Z', want: true }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    expect(isWorkingDay(at(given), CN)).toBe(want);
  });

  test('2025 and 2026 each have 248 working days (365 − 104 weekend days − 13 public holidays), so the data balances', () => {
    for (const year of [2025, 2026]) {
      let n = 0;
      for (let t = Date.parse(`${year}-01-01T12:00:00+08:00`); shanghaiDate(new Date(t)).startsWith(String(year)); t += 86_400_000) {
        if (isWorkingDay(new Date(t), CN)) n++;
      }
      expect(n, String(year)).toBe(248);
    }
  });

  test('says which years it has holiday data for', () => {
    expect(calendarCovers(at('2026-12-31T23:00+08:00'), CN)).toBe(true);
    expect(calendarCovers(at('2027-01-01T00:30+08:00'), CN)).toBe(false);
  });
});

describe('workingDaysLeft: what a case shows of its deadline', () => {
  const deadline = endOf('2026-11-27'); // a Friday
  const cases: [string, { given: string; want: number }][] = [
    ['on the day of acceptance, Monday: 4 days after today up to Friday', { given: '2026-11-23T10:00+08:00', want: 4 }],
    ['on the deadline day itself: 0, still in time', { given: '2026-11-27T18:00+08:00', want: 0 }],
    ['the Saturday after: overdue', { given: '2026-11-28T10:00+08:00', want: -1 }],
    ['the Monday after: one working day overdue', { given: '2026-11-30T10:00+08:00', want: -1 }],
    ['the Tuesday after: two working days overdue', { given: '2026-12-01T10:00+08:00', want: -2 }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    expect(workingDaysLeft(at(given), at(deadline), CN)).toBe(want);
  });

  test('a deadline set at acceptance has exactly the promised days left, whatever the day', () => {
    for (let t = Date.parse('2025-01-01T09:00+08:00'); t < Date.parse('2027-01-01T09:00+08:00'); t += 86_400_000) {
      const now = new Date(t);
      expect(workingDaysLeft(now, addWorkingDays(now, 5, CN), CN)).toBe(5);
    }
  });

  test('a deadline that passed minutes ago is overdue, not "0 left"', () => {
    expect(workingDaysLeft(at('2026-11-23T10:01+08:00'), at('2026-11-23T10:00+08:00'), CN)).toBe(-1);
  });

  test('overdue across 国庆 2026 counts only working days', () => {
    expect(workingDaysLeft(at('2026-10-09T10:00+08:00'), at(endOf('2026-09-30')), CN)).toBe(-2);
  });
});

describe('createWorkCalendar refuses data that cannot be right', () => {
  const holiday = (over: object) => [{ year: 2030, notice: 'test', periods: [{ name: '测试', from: '2030-10-01', to: '2030-10-03', workdays: [], ...over }] }];
  test.each([
    ['an adjusted working day that is a weekday', { given: holiday({ workdays: ['2030-10-08'] }), want: /not a weekend day/ }],
    ['an adjusted working day inside the holiday', { given: holiday({ to: '2030-10-06', workdays: ['2030-10-05'] }), want: /both a holiday and a working day/ }],
    ['a date that does not exist', { given: holiday({ from: '2030-02-30' }), want: /not a date/ }],
    ['a period that ends before it starts', { given: holiday({ to: '2030-09-01' }), want: /before/ }],
    ['a date filed under the wrong year', { given: holiday({ from: '2031-10-01', to: '2031-10-03' }), want: /listed under 2030/ }],
  ])('%s', (_name, { given, want }) => {
    expect(() => createWorkCalendar(given)).toThrow(want);
  });
});

describe('the machine time zone makes no difference', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  test.each([
    ['UTC', { given: 'UTC', want: 0 }],
    ['New York (UTC−5 in January, with DST)', { given: 'America/New_York', want: 300 }],
    ['Kolkata (UTC+5:30)', { given: 'Asia/Kolkata', want: -330 }],
  ])('%s', (_name, { given, want }) => {
    process.env.TZ = given;
    // proves the switch took effect, so the sums below really ran under that zone
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(want);
    expect(addWorkingDays(at('2026-02-13T23:30+08:00'), 2, CN).toISOString()).toBe(endOf('2026-02-24'));
    expect(addWorkingDays(at('2026-11-22T17:00:00Z'), 1, CN).toISOString()).toBe(endOf('2026-11-24'));
    expect(isWorkingDay(at('2026-02-13T16:30:00Z'), CN)).toBe(true);
    expect(workingDaysLeft(at('2026-11-27T23:59+08:00'), at(endOf('2026-11-27')), CN)).toBe(0);
  });
});

describe('a year the calendar does not know', () => {
  test.each([
    ['inside the known years: nothing provisional', { given: ['2026-03-02T10:00+08:00', 10] as const, want: { at: endOf('2026-03-16'), unknownYears: [] } }],
    ['from late 2026 into 2027: counted by weekends only, and flagged', { given: ['2026-12-28T10:00+08:00', 5] as const, want: { at: endOf('2027-01-04'), unknownYears: [2027] } }],
    ['a count that stays on its day in 2026 is not flagged', { given: ['2026-12-31T10:00+08:00', 0] as const, want: { at: endOf('2026-12-31'), unknownYears: [] } }],
  ])('%s', (_name, { given: [from, days], want }) => {
    const d = deadlineAfter(at(from), days, CN);
    expect({ at: d.at.toISOString(), unknownYears: d.unknownYears }).toEqual(want);
  });

  test('the years between two instants that have no list, in either order', () => {
    expect(unknownYearsBetween(at('2026-12-30T10:00+08:00'), at('2028-01-02T10:00+08:00'), CN)).toEqual([2027, 2028]);
    expect(unknownYearsBetween(at('2028-01-02T10:00+08:00'), at('2026-12-30T10:00+08:00'), CN)).toEqual([2027, 2028]);
    expect(unknownYearsBetween(at('2025-01-02T10:00+08:00'), at('2026-12-30T10:00+08:00'), CN)).toEqual([]);
  });
});
