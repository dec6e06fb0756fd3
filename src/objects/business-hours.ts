/**
 * PTB's helpers on BusinessOpeningHours: the opening intervals of a given day and whether the
 * business is open at a given moment, in the business's own time zone (`time_zone_name`, an IANA
 * name resolved by the runtime's Intl data).
 */
import { addDays, epochOfWallTime, wallTimeAt } from '../base/zoned-time.js';
import { BusinessOpeningHours } from '../generated/types.js';
import { defineBehaviour } from './behaviour.js';

const MINUTES_PER_DAY = 1440;

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

/** The moment a wall-clock time in `timeZone` names (the earlier one when a DST change repeats it). */
function atWallTime(day: CalendarDay, minuteOfDay: number, timeZone: string): Date {
  const { year, month, day: date } = addDays(day, Math.floor(minuteOfDay / MINUTES_PER_DAY));
  const minutes = minuteOfDay % MINUTES_PER_DAY;
  const wall = {
    year,
    month,
    day: date,
    hour: Math.floor(minutes / 60),
    minute: minutes % 60,
    second: 0,
    millisecond: 0,
  };
  return new Date(epochOfWallTime(wall, timeZone));
}

/** Monday is 0, as Python's `weekday()` and Telegram's opening minutes count. */
function weekdayOf(day: CalendarDay): number {
  return (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7;
}

function openingHoursForDay(
  hours: BusinessOpeningHours,
  day: CalendarDay | Date,
): readonly OpeningInterval[] {
  const zone = hours.time_zone_name;
  const calendarDay = day instanceof Date ? wallTimeAt(day.getTime(), zone) : day;
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
  const wall = wallTimeAt(moment.getTime(), hours.time_zone_name);
  const minuteOfWeek = weekdayOf(wall) * MINUTES_PER_DAY + wall.hour * 60 + wall.minute;
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
