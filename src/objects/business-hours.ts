/**
 * PTB's helpers on BusinessOpeningHours: the opening intervals of a given day and whether the
 * business is open at a given moment, in the business's own time zone (`time_zone_name`, an IANA
 * name resolved by the runtime's Intl data).
 */
import { BusinessOpeningHours } from '../generated/types.js';
import { defineBehaviour } from './behaviour.js';

const MINUTES_PER_DAY = 1440;
const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** A calendar day. */
export interface CalendarDay {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
}

/** One opening interval as moments in time: `[opens, closes]`. */
export type OpeningInterval = readonly [opens: Date, closes: Date];

declare module '../generated/types.js' {
  interface BusinessOpeningHours {
    /**
     * The intervals the business is open on `day`, earliest first: a calendar day, or a Date whose
     * calendar day in the business's time zone is meant. An interval that runs past midnight
     * closes on the following day.
     *
     * @example hours.getOpeningHoursForDay({ year: 2026, month: 11, day: 23 })
     */
    getOpeningHoursForDay(day: CalendarDay | Date): readonly OpeningInterval[];
    /** Whether the business is open at `moment` (its opening intervals read in its time zone). */
    isOpen(moment: Date): boolean;
  }
}

/** Wall-clock fields of a moment in a time zone. */
interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Monday is 0, as Python's `weekday()`. */
  readonly weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

function wallTime(moment: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of formatFor(timeZone).formatToParts(moment)) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

/** Milliseconds since the epoch of wall-clock fields read as if they were UTC. */
function asUtc(year: number, month: number, day: number, hour: number, minute: number, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** How far the zone's wall clock is ahead of UTC at `moment`, in ms. */
function offsetAt(moment: number, timeZone: string): number {
  const wall = wallTime(moment, timeZone);
  return (
    asUtc(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second) -
    Math.floor(moment / 1000) * 1000
  );
}

/** The moment a wall-clock time in `timeZone` names (the earlier one when a DST change repeats it). */
function atWallTime(day: CalendarDay, minuteOfDay: number, timeZone: string): Date {
  const naive = asUtc(day.year, day.month, day.day, 0, minuteOfDay);
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  return new Date(Math.min(first, second));
}

function weekdayOf(day: CalendarDay): number {
  return (new Date(asUtc(day.year, day.month, day.day, 12, 0)).getUTCDay() + 6) % 7;
}

function openingHoursForDay(
  hours: BusinessOpeningHours,
  day: CalendarDay | Date,
): readonly OpeningInterval[] {
  const zone = hours.time_zone_name;
  const calendarDay = day instanceof Date ? wallTime(day.getTime(), zone) : day;
  const weekday = weekdayOf(calendarDay);
  const out: OpeningInterval[] = [];
  for (const interval of hours.opening_hours) {
    if (Math.floor(interval.opening_minute / MINUTES_PER_DAY) !== weekday) continue;
    const opensAt = interval.opening_minute % MINUTES_PER_DAY;
    const closesAt = opensAt + (interval.closing_minute - interval.opening_minute);
    out.push([atWallTime(calendarDay, opensAt, zone), atWallTime(calendarDay, closesAt, zone)]);
  }
  return out.sort((a, b) => a[0].getTime() - b[0].getTime());
}

function isOpenAt(hours: BusinessOpeningHours, moment: Date): boolean {
  const wall = wallTime(moment.getTime(), hours.time_zone_name);
  const minuteOfWeek = wall.weekday * MINUTES_PER_DAY + wall.hour * 60 + wall.minute;
  return hours.opening_hours.some(
    (interval) => interval.opening_minute <= minuteOfWeek && minuteOfWeek < interval.closing_minute,
  );
}

defineBehaviour(BusinessOpeningHours, {
  getOpeningHoursForDay(day) {
    return openingHoursForDay(this, day);
  },
  isOpen(moment) {
    return isOpenAt(this, moment);
  },
});
