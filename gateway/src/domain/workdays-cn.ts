// Public holidays (放假) and adjusted working days (调休上班) of mainland China, as published each
// November by the General Office of the State Council. Add a year here when its notice comes out;
// beyond the years listed, the calendar knows weekends only.
//
// Dates were checked against the notice texts as republished by 新华社 (2024-11-12 and 2025-11-04).

export interface HolidayPeriod {
  name: string;
  /** first and last day off, inclusive, 'YYYY-MM-DD' (Asia/Shanghai) */
  from: string;
  to: string;
  /** weekend days that are working days because of this holiday */
  workdays: readonly string[];
}

export interface HolidayYear {
  year: number;
  /** the notice this year's data is taken from */
  notice: string;
  periods: readonly HolidayPeriod[];
}

export const CN_HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2025,
    // 《国务院办公厅关于2025年部分节假日安排的通知》国办发明电〔2024〕12号, 2024-11-12. The first year
    // under the November 2024 revision of 《全国年节及纪念日放假办法》 (春节 and 劳动节 one day longer).
    notice: '国办发明电〔2024〕12号',
    periods: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01', workdays: [] },
      { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06', workdays: [] },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02', workdays: [] },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    // 《国务院办公厅关于2026年部分节假日安排的通知》, 2025-11-04. The dates are certain; the document
    // number (国办发明电〔2025〕…号) was not in the republished text we checked, so it is not given here.
    notice: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    periods: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
      { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06', workdays: [] },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21', workdays: [] },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27', workdays: [] },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
];
