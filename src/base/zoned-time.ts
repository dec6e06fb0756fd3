/**
 * Wall-clock time in an IANA time zone <-> epoch milliseconds, with `Intl` only (no tz database
 * of our own). Daylight-saving rules: a wall time that does not exist (the hour skipped when
 * clocks spring forward) maps to the instant as far after the gap's start as it would have been
 * (02:30 on a 02:00 -> 03:00 day is 03:30); a wall time that exists twice (the hour repeated when
 * clocks fall back) maps to the first of the two instants. These are Temporal's `compatible`
 * rules, which is what people expect of "every day at 02:30".
 */

/** A calendar date and time of day as a clock in some zone shows it. */
export interface WallTime {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 31. */
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 to 999. */
  readonly millisecond: number;
}

/** A wall time and its weekday (0 = Sunday .. 6 = Saturday). */
export interface ZonedWallTime extends WallTime {
  readonly weekday: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when `Intl` does not know it. */
export function checkTimeZone(timeZone: string, what = 'time zone'): string {
  if (typeof timeZone !== 'string' || timeZone === '') {
    throw new TypeError(`${what} must be an IANA time zone name such as 'Europe/Berlin'`);
  }
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(
      `Unknown ${what} ${JSON.stringify(timeZone)}: use an IANA name such as 'Europe/Berlin'`,
    );
  }
  return timeZone;
}

/** The wall time a clock in `timeZone` shows at the instant `epochMs`. */
export function wallTimeAt(epochMs: number, timeZone: string): ZonedWallTime {
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs - millisecond));
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  const year = field('year');
  const month = field('month');
  const day = field('day');
  return {
    year,
    month,
    day,
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
    millisecond,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** `wall` read as if it were UTC, in epoch ms (also normalises overflowing fields). */
function asUtc(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

/** The zone's offset from UTC at `epochMs`, in ms (positive east of Greenwich). */
export function offsetAt(epochMs: number, timeZone: string): number {
  return asUtc(wallTimeAt(epochMs, timeZone)) - epochMs;
}

/** The instant at which a clock in `timeZone` shows `wall` (see the module comment for DST gaps and overlaps). */
export function epochOfWallTime(wall: WallTime, timeZone: string): number {
  const local = asUtc(wall);
  // Offsets a day either side cover the zone's offsets around any single transition.
  const before = local - offsetAt(local - DAY_MS, timeZone);
  const after = local - offsetAt(local + DAY_MS, timeZone);
  const valid = [before, after].filter((candidate) => asUtc(wallTimeAt(candidate, timeZone)) === local);
  if (valid.length > 0) return Math.min(...valid);
  // In a gap: keep the offset from before the transition, which lands after the gap.
  return before;
}

/** Days in a month (`month` 1 to 12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar date `days` after the given one. */
export function addDays(
  date: { readonly year: number; readonly month: number; readonly day: number },
  days: number,
): { year: number; month: number; day: number } {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}
