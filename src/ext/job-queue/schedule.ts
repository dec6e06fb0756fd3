/**
 * When a job runs: one schedule per `run*` method. Each computes its runs from its own definition
 * (never from when the previous run happened, so runs do not drift), and serialises to the JSON a
 * persistence stores.
 */

import { addDays, checkTimeZone, daysInMonth, wallTimeAt } from '../../base/zoned-time.js';
import { CronExpression } from './cron.js';
import { type ResolvedTimeOfDay, timeOfDayOn } from './time-input.js';

/** A day of the week, PTB's numbering: 0 = Sunday, 1 = Monday, ... 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A schedule as JSON, as persistent jobs store it. */
export type ScheduleJSON =
  | { readonly kind: 'once'; readonly at: number }
  | {
      readonly kind: 'interval';
      readonly first: number;
      readonly interval: number;
      readonly last: number | null;
    }
  | ({ readonly kind: 'daily'; readonly days: readonly Weekday[] } & ResolvedTimeOfDay)
  | ({ readonly kind: 'monthly'; readonly day: number } & ResolvedTimeOfDay)
  | { readonly kind: 'cron'; readonly cron: string; readonly timeZone: string };

/** When a job runs. */
export interface Schedule {
  /** The first run at or after `nowMs` (a one-off job's instant even when past); `null` for none. */
  first(nowMs: number): number | null;
  /** The first run strictly after `afterMs`; `null` when the schedule has ended. */
  next(afterMs: number): number | null;
  toJSON(): ScheduleJSON;
}

/** A single run at an instant. */
export class OnceSchedule implements Schedule {
  constructor(readonly at: number) {}
  first(): number {
    return this.at;
  }
  next(afterMs: number): number | null {
    return this.at > afterMs ? this.at : null;
  }
  toJSON(): ScheduleJSON {
    return { kind: 'once', at: this.at };
  }
}

/** Runs at `first + k * interval` (k = 0, 1, ...) up to `last` (inclusive) when set. */
export class IntervalSchedule implements Schedule {
  constructor(
    readonly firstAt: number,
    readonly interval: number,
    readonly last: number | null,
  ) {
    if (!(Number.isFinite(interval) && interval > 0)) {
      throw new RangeError(
        `runRepeating: the interval must be a positive number of seconds, got ${interval / 1000}`,
      );
    }
    if (last !== null && last < firstAt)
      throw new RangeError("runRepeating: 'last' must not be before 'first'");
  }
  #slot(k: number): number | null {
    const at = this.firstAt + k * this.interval;
    return this.last !== null && at > this.last ? null : at;
  }
  first(nowMs: number): number | null {
    return nowMs <= this.firstAt
      ? this.#slot(0)
      : this.#slot(Math.ceil((nowMs - this.firstAt) / this.interval));
  }
  next(afterMs: number): number | null {
    if (afterMs < this.firstAt) return this.#slot(0);
    let k = Math.floor((afterMs - this.firstAt) / this.interval) + 1;
    // Floating point: make sure the slot really is after `afterMs`.
    while (this.firstAt + k * this.interval <= afterMs) k++;
    return this.#slot(k);
  }
  toJSON(): ScheduleJSON {
    return { kind: 'interval', first: this.firstAt, interval: this.interval, last: this.last };
  }
}

/** At a time of day on the given weekdays, in the time's zone. */
export class DailySchedule implements Schedule {
  readonly days: readonly Weekday[];
  constructor(
    readonly time: ResolvedTimeOfDay,
    days: readonly number[],
  ) {
    if (!Array.isArray(days) || days.length === 0) {
      throw new RangeError('runDaily: days must list at least one weekday (0 = Sunday .. 6 = Saturday)');
    }
    for (const day of days) {
      if (!(Number.isInteger(day) && day >= 0 && day <= 6)) {
        throw new RangeError(`runDaily: ${String(day)} is not a weekday; use 0 = Sunday .. 6 = Saturday`);
      }
    }
    this.days = Object.freeze([...new Set(days as Weekday[])].sort((a, b) => a - b));
  }
  first(nowMs: number): number | null {
    return this.next(nowMs - 1);
  }
  next(afterMs: number): number | null {
    const today = wallTimeAt(afterMs, this.time.timeZone);
    for (let offset = 0; offset <= 8; offset++) {
      const date = addDays(today, offset);
      const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() as Weekday;
      if (!this.days.includes(weekday)) continue;
      const at = timeOfDayOn(this.time, date);
      if (at > afterMs) return at;
    }
    return null;
  }
  toJSON(): ScheduleJSON {
    return { kind: 'daily', ...this.time, days: this.days };
  }
}

/**
 * At a time of day on a day of each month (1 to 31, or -1 for the month's last day). A month
 * with fewer days than `day` has no run, as in PTB.
 */
export class MonthlySchedule implements Schedule {
  constructor(
    readonly time: ResolvedTimeOfDay,
    readonly day: number,
  ) {
    if (!(Number.isInteger(day) && ((day >= 1 && day <= 31) || day === -1))) {
      throw new RangeError(
        `runMonthly: day must be 1 to 31, or -1 for the last day of the month; got ${String(day)}`,
      );
    }
  }
  first(nowMs: number): number | null {
    return this.next(nowMs - 1);
  }
  next(afterMs: number): number | null {
    const now = wallTimeAt(afterMs, this.time.timeZone);
    // Day 31 finds a month within two; day 29, 30 or 31 at the latest within a year.
    for (let offset = 0; offset <= 13; offset++) {
      const year = now.year + Math.floor((now.month - 1 + offset) / 12);
      const month = ((now.month - 1 + offset) % 12) + 1;
      const length = daysInMonth(year, month);
      const day = this.day === -1 ? length : this.day;
      if (day > length) continue;
      const at = timeOfDayOn(this.time, { year, month, day });
      if (at > afterMs) return at;
    }
    return null;
  }
  toJSON(): ScheduleJSON {
    return { kind: 'monthly', ...this.time, day: this.day };
  }
}

/** The times a cron expression matches, in a time zone. */
export class CronSchedule implements Schedule {
  readonly #expression: CronExpression;
  constructor(cron: string, timeZone: string) {
    this.#expression = new CronExpression(cron, checkTimeZone(timeZone, 'runCustom: time zone'));
  }
  first(nowMs: number): number | null {
    return this.#expression.next(nowMs - 1);
  }
  next(afterMs: number): number | null {
    return this.#expression.next(afterMs);
  }
  toJSON(): ScheduleJSON {
    return { kind: 'cron', cron: this.#expression.pattern, timeZone: this.#expression.timeZone };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function timeOf(json: Record<string, unknown>): ResolvedTimeOfDay {
  const { hour, minute, second, timeZone } = json;
  if (
    typeof hour !== 'number' ||
    typeof minute !== 'number' ||
    typeof second !== 'number' ||
    typeof timeZone !== 'string'
  ) {
    throw new TypeError('A stored daily or monthly schedule lacks hour, minute, second or timeZone');
  }
  return { hour, minute, second, timeZone: checkTimeZone(timeZone) };
}

/** Rebuilds a schedule from its JSON (as stored by a persistence). */
export function scheduleFromJSON(json: unknown): Schedule {
  if (!isRecord(json)) throw new TypeError('A stored job schedule must be an object');
  switch (json.kind) {
    case 'once':
      if (typeof json.at !== 'number') break;
      return new OnceSchedule(json.at);
    case 'interval':
      if (typeof json.first !== 'number' || typeof json.interval !== 'number') break;
      return new IntervalSchedule(
        json.first,
        json.interval,
        typeof json.last === 'number' ? json.last : null,
      );
    case 'daily':
      if (!Array.isArray(json.days)) break;
      return new DailySchedule(timeOf(json), json.days as number[]);
    case 'monthly':
      if (typeof json.day !== 'number') break;
      return new MonthlySchedule(timeOf(json), json.day);
    case 'cron':
      if (typeof json.cron !== 'string' || typeof json.timeZone !== 'string') break;
      return new CronSchedule(json.cron, json.timeZone);
  }
  throw new TypeError(`Unrecognised stored job schedule: ${JSON.stringify(json)}`);
}
