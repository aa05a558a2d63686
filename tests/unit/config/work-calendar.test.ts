// The holiday lists the gateway counts working days by: the years the project ships, and those an
// operator adds (or corrects) in WORK_CALENDAR_DIR. A list that cannot be right stops the start, naming it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadWorkCalendar } from '../../../gateway/src/calendar.js';
import { ConfigError } from '../../../gateway/src/config.js';
import { deadlineAfter, isWorkingDay } from '../../../gateway/src/domain/workdays.js';

// 《国务院办公厅关于2027年部分节假日安排的通知》 is not published yet: this list is made up for the test
const Y2027 = {
  year: 2027, notice: '测试用：假设的 2027 年节假日安排',
  periods: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }, { name: '春节', from: '2027-02-06', to: '2027-02-13', workdays: ['2027-02-14'] }],
};

let dir: string;
const write = (name: string, content: unknown) => writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
const refusal = (): string => {
  try {
    loadWorkCalendar(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('the calendar was accepted');
};

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('WORK_CALENDAR_DIR', () => {
  test('the shipped years load without it; an operator’s 2027.json adds 2027, and deadlines into it are no longer provisional', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kytb-cal-'));
    const shipped = loadWorkCalendar().calendar;
    expect([...shipped.years].sort()).toEqual([2025, 2026]);
    write('2027.json', Y2027);
    write('README.txt', 'other files are left alone');
    const { calendar, sources } = loadWorkCalendar(dir);
    expect([...calendar.years].sort()).toEqual([2025, 2026, 2027]);
    expect(sources.find((s) => s.year === 2027)).toMatchObject({ file: path.join(dir, '2027.json'), notice: Y2027.notice });
    const from = new Date('2026-12-28T10:00+08:00');
    expect(deadlineAfter(from, 5, shipped)).toMatchObject({ unknownYears: [2027] });
    // 12-29, 12-30, 12-31, then 01-04 and 01-05 (元旦 01-01 … 01-03 off)
    expect(deadlineAfter(from, 5, calendar)).toEqual({ at: new Date('2027-01-05T23:59:59.999+08:00'), unknownYears: [] });
    expect(isWorkingDay(new Date('2027-02-14T10:00+08:00'), calendar)).toBe(true);
  });

  test('an operator’s file for a shipped year replaces it (a correction)', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kytb-cal-'));
    write('2026.json', { year: 2026, notice: '更正', periods: [{ name: '元旦', from: '2026-01-01', to: '2026-01-01', workdays: [] }] });
    const { calendar } = loadWorkCalendar(dir);
    expect(isWorkingDay(new Date('2026-01-02T10:00+08:00'), calendar)).toBe(true);
  });

  test.each([
    ['not JSON', '2027.json', '{ year: 2027', /2027\.json: not JSON/],
    ['a year other than its name', '2027.json', { ...Y2027, year: 2028 }, /2027\.json: "year" must be 2027/],
    ['no notice', '2027.json', { ...Y2027, notice: '' }, /"notice" must name the notice/],
    ['a period without dates', '2027.json', { ...Y2027, periods: [{ name: '元旦' }] }, /periods\[0\] must have name, from, to/],
    ['a day off before it starts', '2027.json', { ...Y2027, periods: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01', workdays: [] }] }, /2027-01-01 is before 2027-01-03/],
    ['a 调休 working day that is not a weekend day', '2027.json', { ...Y2027, periods: [{ name: '春节', from: '2027-02-06', to: '2027-02-13', workdays: ['2027-02-15'] }] }, /2027-02-15 is not a weekend day/],
  ])('%s stops the start, naming the file or the date', (_name, file, content, want) => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kytb-cal-'));
    write(file, content);
    expect(refusal()).toMatch(want);
  });

  test('a directory that cannot be read stops the start, naming it', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kytb-cal-'));
    expect(() => loadWorkCalendar(path.join(dir, 'missing'))).toThrow(/WORK_CALENDAR_DIR.*cannot read the holiday lists/);
  });
});
