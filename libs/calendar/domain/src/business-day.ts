/**
 * The business day in Asia/Shanghai. The city keeps UTC+8 all year (no daylight saving since
 * 1991), so the day of an instant is the UTC+8 calendar date, and a day ends at 16:00 UTC.
 * One helper for every caller: the domain compares dates a person typed ("not after today")
 * with the Shanghai day of `now`, and counts deadlines from the Shanghai day of an instant.
 */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) in Asia/Shanghai of an instant (ISO 8601). */
export const shanghaiDate = (instant: string): string => new Date(Date.parse(instant) + OFFSET_MS).toISOString().slice(0, 10);

/** The year in Asia/Shanghai of an instant. */
export const shanghaiYear = (instant: string): number => Number(shanghaiDate(instant).slice(0, 4));

/** 24:00 Asia/Shanghai of a day (YYYY-MM-DD), as an instant: how every day-counted deadline ends. */
export const endOfShanghaiDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - OFFSET_MS).toISOString();

/** An instant as Shanghai wall-clock time with its offset ('2026-11-23T10:00:00+08:00'). */
export const shanghaiDateTime = (instant: string): string => new Date(Date.parse(instant) + OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
