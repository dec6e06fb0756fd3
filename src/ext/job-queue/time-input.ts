/**
 * The time forms the job queue takes: seconds from now, a `Date`, or a time of day (the next
 * occurrence of that clock time in a time zone).
 */
import { addDays, checkTimeZone, epochOfWallTime, wallTimeAt } from '../../base/zoned-time.js';

/**
 * A time of day: an object, or a `'HH:MM'` / `'HH:MM:SS'` string (24-hour clock). Without a
 * `timeZone` it is read in the job queue's time zone (`Defaults.tzinfo` of the application's bot,
 * else UTC).
 *
 * @example { hour: 9, minute: 30, timeZone: 'Europe/Berlin' }
 * @example '21:05'
 */
export type TimeOfDay =
  | {
      readonly hour: number;
      readonly minute: number;
      readonly second?: number | undefined;
      /** An IANA time zone name, e.g. `'America/New_York'`. */
      readonly timeZone?: string | undefined;
    }
  | `${number}:${number}`
  | `${number}:${number}:${number}`;

/** When something happens: seconds from now, an instant, or the next occurrence of a time of day. */
export type When = number | Date | TimeOfDay;

/** A time of day, checked, with its zone resolved. */
export interface ResolvedTimeOfDay {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly timeZone: string;
}

function checkField(value: unknown, max: number, what: string, context: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${context}: ${what} must be a whole number from 0 to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Checks a time of day and resolves its zone (its own, else `defaultZone`). */
export function resolveTimeOfDay(time: TimeOfDay, defaultZone: string, context: string): ResolvedTimeOfDay {
  if (typeof time === 'string') {
    const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
    if (match === null) {
      throw new RangeError(
        `${context}: ${JSON.stringify(time)} is not a time of day; write 'HH:MM' or 'HH:MM:SS'`,
      );
    }
    return resolveTimeOfDay(
      { hour: Number(match[1]), minute: Number(match[2]), second: Number(match[3] ?? 0) },
      defaultZone,
      context,
    );
  }
  if (typeof time !== 'object' || time === null) {
    throw new TypeError(
      `${context}: expected a time of day ({ hour, minute } or 'HH:MM'), got ${String(time)}`,
    );
  }
  return {
    hour: checkField(time.hour, 23, 'hour', context),
    minute: checkField(time.minute, 59, 'minute', context),
    second: checkField(time.second ?? 0, 59, 'second', context),
    timeZone: checkTimeZone(time.timeZone ?? defaultZone, `${context}: time zone`),
  };
}

/** The instant the time of day falls on the calendar date (in its zone) that contains `nowMs`. */
export function timeOfDayOn(
  time: ResolvedTimeOfDay,
  date: { readonly year: number; readonly month: number; readonly day: number },
): number {
  return epochOfWallTime(
    { ...date, hour: time.hour, minute: time.minute, second: time.second, millisecond: 0 },
    time.timeZone,
  );
}

function isTimeOfDay(value: unknown): value is TimeOfDay {
  return (
    typeof value === 'string' || (typeof value === 'object' && value !== null && !(value instanceof Date))
  );
}

/**
 * The instant a {@link When} names, in epoch ms. A time of day is today's occurrence in its zone,
 * or (with `shiftPast`, as runOnce does) tomorrow's when today's is not after `nowMs`.
 */
export function resolveWhen(
  when: When,
  nowMs: number,
  defaultZone: string,
  shiftPast: boolean,
  context: string,
): number {
  if (typeof when === 'number') {
    if (!Number.isFinite(when))
      throw new RangeError(`${context}: seconds must be a finite number, got ${when}`);
    return nowMs + when * 1000;
  }
  if (when instanceof Date) {
    const at = when.getTime();
    if (Number.isNaN(at)) throw new RangeError(`${context}: the Date is invalid`);
    return at;
  }
  if (!isTimeOfDay(when)) {
    throw new TypeError(
      `${context}: expected seconds, a Date or a time of day ({ hour, minute } or 'HH:MM')`,
    );
  }
  const time = resolveTimeOfDay(when, defaultZone, context);
  const today = wallTimeAt(nowMs, time.timeZone);
  const at = timeOfDayOn(time, today);
  return shiftPast && at <= nowMs ? timeOfDayOn(time, addDays(today, 1)) : at;
}
