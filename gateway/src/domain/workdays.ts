// 承诺办结时间: deadlines counted in working days (工作日), as 《行政许可法》 第八十二条 counts them.
//
// All dates are Asia/Shanghai calendar dates (UTC+8, no daylight saving since 1991), whatever the
// machine's TZ: the arithmetic works on UTC milliseconds shifted by 8 hours, never on local-time getters.
//
// Conventions:
// - The day of acceptance does not count: 3 working days from a Monday end on Thursday.
// - A deadline is the end of its last working day, 23:59:59.999 Asia/Shanghai (15:59:59.999Z).
// - A year not in the data is counted by its weekends only, and every deadline or count that passes
//   through one says so (`unknownYears`): it is provisional until the State Council's notice for that
//   year is added (gateway/calendar/, WORK_CALENDAR_DIR), never silently taken for certain.

export interface HolidayPeriod {
  name: string;
  /** first and last day off, inclusive, 'YYYY-MM-DD' (Asia/Shanghai) */
  from: string;
  to: string;
  /** weekend days that are working days because of this holiday */
  workdays: readonly string[];
}

/** One year's official list (放假 and 调休上班), as the General Office of the State Council publishes it. */
export interface HolidayYear {
  year: number;
  /** the notice this year's data is taken from */
  notice: string;
  periods: readonly HolidayPeriod[];
}

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

/** A deadline in working days, and the years it was counted through without their official list. */
export interface Deadline {
  at: Date;
  /** years the count went through that the calendar does not know (weekends only): the deadline is provisional */
  unknownYears: number[];
}

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
  return deadlineAfter(from, days, cal).at;
}

/** addWorkingDays, saying which years it had to count without their official list */
export function deadlineAfter(from: Date, days: number, cal: WorkCalendar): Deadline {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`addWorkingDays: days must be a whole number ≥ 0, got ${days}`);
  let day = dayOf(from);
  for (let left = days; left > 0; ) {
    day++;
    if (isWorkingDayNo(day, cal)) left--;
  }
  return { at: new Date((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1), unknownYears: unknownYearsBetween(dayOf(from), day, cal) };
}

/** the years from the day of `a` to the day of `b` (either order) the calendar has no list for */
export function unknownYearsBetween(a: number | Date, b: number | Date, cal: WorkCalendar): number[] {
  const [lo, hi] = [typeof a === 'number' ? a : dayOf(a), typeof b === 'number' ? b : dayOf(b)].sort((x, y) => x - y) as [number, number];
  const out: number[] = [];
  for (let y = Number(keyOf(lo).slice(0, 4)); y <= Number(keyOf(hi).slice(0, 4)); y++) if (!cal.years.has(y)) out.push(y);
  return out;
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
