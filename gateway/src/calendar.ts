// The working-day calendar the gateway counts deadlines by, read at start: the years the project ships
// (gateway/calendar/cn/<year>.json, the State Council's notices) and those an operator adds in
// WORK_CALENDAR_DIR when a new notice is published (a file there for a shipped year replaces it, to
// correct it). A file that cannot be right stops the start, naming it; a year without a file is counted
// by weekends only and every deadline through it is flagged provisional (domain/workdays.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config.js';
import { createWorkCalendar, type HolidayYear, type WorkCalendar } from './domain/workdays.js';
import { ROOT } from './root.js';

export const SHIPPED_CALENDAR_DIR = path.join(ROOT, 'gateway/calendar/cn');

export interface LoadedCalendar {
  calendar: WorkCalendar;
  /** where each year came from, for the start-up log */
  sources: Array<{ year: number; file: string; notice: string }>;
}

export function loadWorkCalendar(operatorDir?: string): LoadedCalendar {
  const byYear = new Map<number, { data: HolidayYear; file: string }>();
  for (const dir of [SHIPPED_CALENDAR_DIR, ...(operatorDir ? [operatorDir] : [])]) {
    for (const file of yearFiles(dir)) {
      const data = readYear(file);
      byYear.set(data.year, { data, file });
    }
  }
  const years = [...byYear.values()].sort((a, b) => a.data.year - b.data.year);
  try {
    return { calendar: createWorkCalendar(years.map((y) => y.data)), sources: years.map((y) => ({ year: y.data.year, file: y.file, notice: y.data.notice })) };
  } catch (e) {
    throw new ConfigError('WORK_CALENDAR_DIR', `a holiday list cannot be right: ${(e as Error).message}`);
  }
}

function yearFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new ConfigError('WORK_CALENDAR_DIR', `cannot read the holiday lists in ${dir}: ${(e as Error).message}`);
  }
  return names.filter((n) => /^\d{4}\.json$/.test(n)).sort().map((n) => path.join(dir, n));
}

/** one year's list, its shape checked here and its dates by createWorkCalendar */
function readYear(file: string): HolidayYear {
  const fail = (why: string): never => { throw new ConfigError('WORK_CALENDAR_DIR', `${file}: ${why}`); };
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return fail(`not JSON (${(e as Error).message})`);
  }
  const o = v as Partial<HolidayYear>;
  const named = Number(path.basename(file, '.json'));
  if (typeof o !== 'object' || o === null || o.year !== named) fail(`"year" must be ${named}, as the file is named`);
  if (typeof o.notice !== 'string' || o.notice.trim() === '') fail('"notice" must name the notice the dates come from');
  if (!Array.isArray(o.periods) || o.periods.length === 0) fail('"periods" must list the holidays');
  for (const [i, p] of (o.periods as unknown[]).entries()) {
    const q = p as Record<string, unknown>;
    const ok = typeof q === 'object' && q !== null && typeof q.name === 'string' && typeof q.from === 'string' && typeof q.to === 'string'
      && Array.isArray(q.workdays) && (q.workdays as unknown[]).every((w) => typeof w === 'string');
    if (!ok) fail(`periods[${i}] must have name, from, to (YYYY-MM-DD) and workdays (a list of YYYY-MM-DD)`);
  }
  return o as HolidayYear;
}
