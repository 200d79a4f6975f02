import { Temporal } from 'temporal-polyfill';
import { CivilDate, formatInstant, formatInstantMs, formatZoned, parseInstant, startOfDay } from './civil';

// The polyfill is the reference these functions replaced in the workflow bundle (see civil.ts);
// it stays a dev dependency for this comparison only.
const date = (s: string): CivilDate => {
  const [y, m, d] = s.split('-').map(Number);
  const c = CivilDate.of(y, m, d);
  if (!c) throw new Error(`not a date: ${s}`);
  return c;
};

/** Every day from 2015 to 2035, the last four days of every month from 1899 to 2101, and a few far ones. */
function* days(): Generator<Temporal.PlainDate> {
  for (let d = Temporal.PlainDate.from('2015-01-01'); d.year < 2036; d = d.add({ days: 1 })) yield d;
  for (let m = Temporal.PlainYearMonth.from('1899-12'); m.year < 2102; m = m.add({ months: 1 })) {
    for (let day = m.daysInMonth - 3; day <= m.daysInMonth; day++) yield m.toPlainDate({ day });
  }
  for (const s of ['0000-01-01', '0001-02-28', '0400-02-29', '1600-12-31', '9999-12-31']) yield Temporal.PlainDate.from(s);
}

describe('CivilDate gives what Temporal.PlainDate gives', () => {
  it('day of week, days and months added (month ends constrained), year-month, over two centuries', () => {
    let checked = 0;
    for (const t of days()) {
      const c = date(t.toString());
      expect(c.toString()).toBe(t.toString());
      expect(c.dayOfWeek).toBe(t.dayOfWeek);
      expect(c.yearMonth()).toBe(t.toPlainYearMonth().toString());
      for (const n of [1, 15, 30, 90, -1]) expect(c.addDays(n).toString()).toBe(t.add({ days: n }).toString());
      for (const n of [1, 3, 12, 13, -1]) expect(c.addMonths(n).toString()).toBe(t.add({ months: n }).toString());
      checked++;
    }
    expect(checked).toBe(7670 + 2425 * 4 + 5);
  });

  it('rejects what is not a date', () => {
    expect(CivilDate.of(2026, 2, 29)).toBeNull();
    expect(CivilDate.of(2024, 2, 29)?.toString()).toBe('2024-02-29');
    expect(CivilDate.of(1900, 2, 29)).toBeNull();
    expect(CivilDate.of(2000, 2, 29)?.toString()).toBe('2000-02-29');
    expect(CivilDate.of(2026, 13, 1)).toBeNull();
    expect(CivilDate.of(2026, 4, 31)).toBeNull();
    expect(CivilDate.of(2026, 1, 0)).toBeNull();
  });
});

describe('instants as Temporal.Instant and ZonedDateTime print them', () => {
  const inputs = [
    '2026-11-27T21:52:45Z',
    '2026-11-27T21:52:45.1Z',
    '2026-11-27T21:52:45.120Z',
    '2026-11-27T21:52:45.123456Z',
    '2026-11-27T21:52:45.123456789Z',
    '2026-11-27T05:52:45.000+08:00',
    '2026-11-27T05:52+08:00',
    '2026-11-27 05:52:45-05:30',
    '2026-03-08T06:59:59.999Z',
    '2024-02-29T23:59:59.999z',
    '1999-12-31T16:00:00+0800',
  ];
  const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Europe/London'];

  it.each(inputs)('%s', (s) => {
    const t = Temporal.Instant.from(s);
    const i = parseInstant(s);
    expect(i).not.toBeNull();
    if (!i) return;
    expect(formatInstant(i)).toBe(t.toString());
    expect(formatInstantMs(i.epochMs)).toBe(t.toString({ fractionalSecondDigits: 3 }));
    for (const seconds of [0, 1, 60, 3600 * 24 * 90]) {
      const later = t.add({ seconds });
      const mine = { epochMs: i.epochMs + seconds * 1000, subMs: i.subMs };
      for (const zone of zones) expect(formatZoned(mine, zone)).toBe(later.toZonedDateTimeISO(zone).toString({ timeZoneName: 'never' }));
    }
  });

  it.each(['2026-11-27T21:52:45', '2026-11-27', '2026-02-30T00:00:00Z', '2026-11-27T24:00:00Z', 'now', '', '2026-11-27T21:52:45+25:00'])(
    'rejects %j, as Temporal does',
    (s) => {
      expect(parseInstant(s)).toBeNull();
      expect(() => Temporal.Instant.from(s)).toThrow(RangeError);
    },
  );

  it('the start of a day in a zone, across daylight-saving changes and a zone that skipped midnight', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'America/Sao_Paulo', 'America/Santiago', 'Asia/Beirut'];
    let checked = 0;
    for (const zone of zones) {
      for (let d = Temporal.PlainDate.from('2015-01-01'); d.year < 2017; d = d.add({ days: 1 })) {
        const t = d.toZonedDateTime(zone);
        const ms = startOfDay(date(d.toString()), zone);
        expect([d.toString(), zone, formatInstantMs(ms)]).toEqual([d.toString(), zone, t.toInstant().toString({ fractionalSecondDigits: 3 })]);
        expect(formatZoned({ epochMs: ms, subMs: '' }, zone)).toBe(t.toString({ timeZoneName: 'never' }));
        checked++;
      }
    }
    expect(checked).toBe(7 * 731);
  });
});
