/**
 * Cron expressions, through the optional peer dependency `croner` (loaded on first use, so bots
 * without cron jobs do not need it).
 */
import { createRequire } from 'node:module';

/** The part of croner's `Cron` the job queue uses. */
interface CronPattern {
  nextRun(previous?: Date): Date | null;
}

type CronConstructor = new (
  pattern: string,
  options: { readonly timezone: string; readonly paused: boolean },
) => CronPattern;

let loaded: CronConstructor | undefined;

function croner(): CronConstructor {
  if (loaded !== undefined) return loaded;
  const require = createRequire(import.meta.url);
  let module: { Cron?: CronConstructor };
  try {
    module = require('croner') as { Cron?: CronConstructor };
  } catch (error) {
    throw new Error(
      'Cron schedules (JobQueue.runCustom) need the optional dependency croner: run `npm install croner`',
      { cause: error },
    );
  }
  if (typeof module.Cron !== 'function') throw new Error('The installed croner package has no Cron class');
  loaded = module.Cron;
  return loaded;
}

/** A parsed cron expression in a time zone: the next time it matches after an instant. */
export class CronExpression {
  readonly pattern: string;
  readonly timeZone: string;
  readonly #cron: CronPattern;

  constructor(pattern: string, timeZone: string) {
    if (typeof pattern !== 'string' || pattern.trim() === '') {
      throw new TypeError("A cron expression must be a non-empty string such as '*/5 * * * *'");
    }
    const Cron = croner();
    try {
      this.#cron = new Cron(pattern, { timezone: timeZone, paused: true });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RangeError(
        `Invalid cron expression ${JSON.stringify(pattern)}: ${reason} (five fields 'minute hour day month weekday', or six with seconds first)`,
        { cause: error },
      );
    }
    this.pattern = pattern;
    this.timeZone = timeZone;
  }

  /** The first match strictly after `afterMs`, in epoch ms; `null` when there is none. */
  next(afterMs: number): number | null {
    return this.#cron.nextRun(new Date(afterMs))?.getTime() ?? null;
  }
}
