// 承诺办结时间: deadlines counted in working days (工作日), as 《行政许可法》 第八十二条 counts them.
//
// All dates are Asia/Shanghai calendar dates (UTC+8, no daylight saving since 1991), whatever the
// machine's TZ: the arithmetic works on UTC milliseconds shifted by 8 hours, never on local-time getters.
//
// Conventions:
// - The day of acceptance does not count: 3 working days from a Monday end on Thursday.
// - A deadline is the end of its last working day, 23:59:59.999 Asia/Shanghai (15:59:59.999Z).
// - Years not in the data count weekends only; `calendarCovers` says whether a date is in the data.
import { CN_HOLIDAYS, type HolidayYear } from './workdays-cn.js';

export interface WorkCalendar {
  /** years whose holidays are known */
  readonly years: ReadonlySet<number>;
  /** 'YYYY-MM-DD' → holiday name */
  readonly holidays: ReadonlyMap<string, string>;
  /** weekend days worked instead (调休上班) */
  readonly adjustedWorkdays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^(\d{4})-\d{2}-\d{2}$/;

/** Builds a calendar from data, refusing data that cannot be right (a typo in a date shows up here). */
export function createWorkCalendar(data: readonly HolidayYear[]): WorkCalendar {
  const holidays = new Map<string, string>();
  const adjustedWorkdays = new Set<string>();
  for (const { year, periods } of data) {
    for (const p of periods) {
      const from = dayOfKey(p.from, year);
      const to = dayOfKey(p.to, year);
      if (to < from) throw new Error(`${year} ${p.name}: ${p.to} is before ${p.from}`);
      for (let d = from; d <= to; d++) holidays.set(keyOf(d), p.name);
      for (const w of p.workdays) {
        const wd = weekday(dayOfKey(w, year));
        if (wd !== 0 && wd !== 6) throw new Error(`${year} ${p.name}: adjusted working day ${w} is not a weekend day`);
        adjustedWorkdays.add(w);
      }
    }
  }
  for (const w of adjustedWorkdays) if (holidays.has(w)) throw new Error(`${w} is both a holiday and a working day`);
  return { years: new Set(data.map((y) => y.year)), holidays, adjustedWorkdays };
}

/** Mainland China, 2025–2026 (see workdays-cn.ts for the notices). */
export const CN_WORK_CALENDAR: WorkCalendar = createWorkCalendar(CN_HOLIDAYS);

/** The Asia/Shanghai calendar date of an instant, 'YYYY-MM-DD'. */
export function shanghaiDate(instant: Date): string {
  return keyOf(dayOf(instant));
}

export function calendarCovers(instant: Date, cal: WorkCalendar): boolean {
  return cal.years.has(Number(shanghaiDate(instant).slice(0, 4)));
}

export function isWorkingDay(instant: Date, cal: WorkCalendar): boolean {
  return isWorkingDayNo(dayOf(instant), cal);
}

/** The deadline `days` working days after the day of `from`; days = 0 gives the end of that same day. */
export function addWorkingDays(from: Date, days: number, cal: WorkCalendar): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`addWorkingDays: days must be a whole number ≥ 0, got ${days}`);
  let day = dayOf(from);
  for (let left = days; left > 0; ) {
    day++;
    if (isWorkingDayNo(day, cal)) left--;
  }
  return new Date((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);
}

/**
 * Working days left before `deadline`, counting the days after today up to the deadline's day:
 * so a deadline later today is 0, and `workingDaysLeft(t, addWorkingDays(t, n))` is n.
 * Once the deadline has passed the result is negative: minus the working days since the deadline's
 * day up to today, and at least -1 (overdue on a weekend is still overdue).
 */
export function workingDaysLeft(now: Date, deadline: Date, cal: WorkCalendar): number {
  const today = dayOf(now);
  const last = dayOf(deadline);
  if (now.getTime() <= deadline.getTime()) return countWorkingDays(today, last, cal);
  return -Math.max(1, countWorkingDays(last, today, cal));
}

/** Working days d with after < d ≤ until. */
function countWorkingDays(after: number, until: number, cal: WorkCalendar): number {
  let n = 0;
  for (let d = after + 1; d <= until; d++) if (isWorkingDayNo(d, cal)) n++;
  return n;
}

function isWorkingDayNo(day: number, cal: WorkCalendar): boolean {
  const key = keyOf(day);
  if (cal.adjustedWorkdays.has(key)) return true;
  if (cal.holidays.has(key)) return false;
  const wd = weekday(day);
  return wd !== 0 && wd !== 6;
}

/** Days since 1970-01-01 in Asia/Shanghai. */
function dayOf(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS);
}

function dayOfKey(key: string, year: number): number {
  const m = DATE_RE.exec(key);
  const t = Date.parse(`${key}T00:00:00Z`);
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== key) throw new Error(`not a date: ${key}`);
  // a notice for year Y may start 元旦 on the last days of Y-1, never later than Y
  const y = Number(m[1]);
  if (y !== year && y !== year - 1) throw new Error(`${key} is listed under ${year}`);
  return t / DAY_MS;
}

function keyOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
