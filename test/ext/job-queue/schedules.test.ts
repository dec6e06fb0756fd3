// Daily, monthly and cron schedules with the injected clock: time zones, daylight saving changes
// in both directions, month ends, weekday filters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Application } from '../../../src/ext/application.js';
import '../../../src/ext/builder.js';
import { epochOfWallTime, wallTimeAt } from '../../../src/base/zoned-time.js';
import { Defaults } from '../../../src/ext/defaults.js';
import { JobQueue } from '../../../src/ext/job-queue/job-queue.js';
import { TOKEN } from '../helpers.js';
import { TestClock } from './clock.js';

/** Runs `schedule` on a queue whose clock starts at `from` and moves to `to`; the instants of the runs. */
async function runsBetween(
  from: string,
  to: string,
  schedule: (jobQueue: JobQueue, record: () => void) => void,
  tzinfo?: string,
): Promise<string[]> {
  const clock = new TestClock(Date.parse(from));
  const jobQueue = new JobQueue({ clock });
  const builder = Application.builder().token(TOKEN).updater(null).jobQueue(jobQueue);
  if (tzinfo !== undefined) builder.defaults(new Defaults({ tzinfo }));
  builder.build();
  const runs: string[] = [];
  schedule(jobQueue, () => void runs.push(new Date(clock.now()).toISOString()));
  await jobQueue.start();
  await clock.advanceTo(Date.parse(to));
  await jobQueue.stop();
  return runs;
}

describe('zoned time', () => {
  it('maps wall times to instants in both directions, across the year', () => {
    const berlinSummer = epochOfWallTime(
      { year: 2026, month: 7, day: 1, hour: 12, minute: 0, second: 0, millisecond: 0 },
      'Europe/Berlin',
    );
    assert.equal(new Date(berlinSummer).toISOString(), '2026-07-01T10:00:00.000Z');
    const wall = wallTimeAt(Date.parse('2026-01-01T04:59:59.250Z'), 'America/New_York');
    assert.deepEqual(
      { ...wall },
      { year: 2025, month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 250, weekday: 3 },
    );
    assert.equal(
      new Date(
        epochOfWallTime(
          { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0, millisecond: 0 },
          'Europe/Berlin',
        ),
      ).toISOString(),
      '2026-03-29T01:30:00.000Z',
      'a wall time in the spring gap lands as far after the gap as it was into it (03:30 CEST)',
    );
    assert.equal(
      new Date(
        epochOfWallTime(
          { year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0, millisecond: 0 },
          'America/New_York',
        ),
      ).toISOString(),
      '2026-11-01T05:30:00.000Z',
      'a wall time that happens twice is its first occurrence (01:30 EDT)',
    );
  });
});

describe('runDaily', () => {
  it('Europe/Berlin, spring forward (29 March 2026): 02:30 runs at 03:30 that day, every day once', async () => {
    const runs = await runsBetween('2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z', (jq, record) => {
      jq.runDaily(record, { hour: 2, minute: 30, timeZone: 'Europe/Berlin' });
    });
    assert.deepEqual(runs, [
      '2026-03-27T01:30:00.000Z',
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z', // 03:30 CEST: 02:30 does not exist that night
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
    ]);
  });

  it('Europe/Berlin, fall back (25 October 2026): 02:30, which happens twice, runs once', async () => {
    const runs = await runsBetween(
      '2026-10-24T00:00:00Z',
      '2026-10-27T00:00:00Z',
      (jq, record) => {
        jq.runDaily(record, '02:30');
      },
      'Europe/Berlin',
    );
    assert.deepEqual(runs, [
      '2026-10-24T00:30:00.000Z', // 02:30 CEST
      '2026-10-25T00:30:00.000Z', // the first 02:30 (CEST); not again at 02:30 CET (01:30Z)
      '2026-10-26T01:30:00.000Z', // 02:30 CET
    ]);
  });

  it('America/New_York, both changes: 02:30 on 8 March 2026, 01:30 on 1 November 2026', async () => {
    const spring = await runsBetween('2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z', (jq, record) => {
      jq.runDaily(record, { hour: 2, minute: 30, timeZone: 'America/New_York' });
    });
    assert.deepEqual(spring, [
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ]);
    const fall = await runsBetween('2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z', (jq, record) => {
      jq.runDaily(record, { hour: 1, minute: 30, timeZone: 'America/New_York' });
    });
    assert.deepEqual(fall, [
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ]);
  });

  it('keeps the wall time (09:00) on both sides of a change; the time zone comes from Defaults.tzinfo', async () => {
    const runs = await runsBetween(
      '2026-03-07T00:00:00Z',
      '2026-03-10T00:00:00Z',
      (jq, record) => {
        jq.runDaily(record, '09:00');
      },
      'America/New_York',
    );
    assert.deepEqual(runs, [
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('days uses PTB numbering (0 = Sunday .. 6 = Saturday); the weekday is the one in the job time zone', async () => {
    // Monday 5 January 2026 to Tuesday 13 January.
    const weekdays = await runsBetween('2026-01-05T00:00:00Z', '2026-01-13T00:00:00Z', (jq, record) => {
      jq.runDaily(record, '08:00', { days: [1, 3, 5] });
    });
    assert.deepEqual(weekdays, [
      '2026-01-05T08:00:00.000Z',
      '2026-01-07T08:00:00.000Z',
      '2026-01-09T08:00:00.000Z',
      '2026-01-12T08:00:00.000Z',
    ]);
    const sunday = await runsBetween('2026-01-05T00:00:00Z', '2026-01-20T00:00:00Z', (jq, record) => {
      jq.runDaily(record, '08:00', { days: [0] });
    });
    assert.deepEqual(sunday, ['2026-01-11T08:00:00.000Z', '2026-01-18T08:00:00.000Z']);
    // 23:30 on Saturdays in Tokyo is 14:30 UTC on Saturday; 00:30 on Sundays in Tokyo is Saturday 15:30 UTC.
    const tokyo = await runsBetween('2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z', (jq, record) => {
      jq.runDaily(record, { hour: 0, minute: 30, timeZone: 'Asia/Tokyo' }, { days: [0] });
    });
    assert.deepEqual(tokyo, ['2026-01-10T15:30:00.000Z']);
  });

  it('refuses weekdays outside 0..6 and an empty list', () => {
    const jobQueue = new JobQueue();
    assert.throws(
      () => jobQueue.runDaily(() => {}, '08:00', { days: [7 as never] }),
      /0 = Sunday \.\. 6 = Saturday/,
    );
    assert.throws(() => jobQueue.runDaily(() => {}, '08:00', { days: [] }), /at least one weekday/);
  });
});

describe('runMonthly', () => {
  it('day 31 skips shorter months, as PTB does', async () => {
    const runs = await runsBetween('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', (jq, record) => {
      jq.runMonthly(record, '10:00', 31);
    });
    assert.deepEqual(
      runs.map((at) => at.slice(0, 10)),
      ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31'],
    );
  });

  it('day -1 is the last day of every month, February in leap and non-leap years', async () => {
    const runs = await runsBetween('2027-01-01T00:00:00Z', '2028-05-01T00:00:00Z', (jq, record) => {
      jq.runMonthly(record, { hour: 23, minute: 0 }, -1);
    });
    assert.deepEqual(
      runs.map((at) => at.slice(0, 10)),
      [
        '2027-01-31',
        '2027-02-28',
        '2027-03-31',
        '2027-04-30',
        '2027-05-31',
        '2027-06-30',
        '2027-07-31',
        '2027-08-31',
        '2027-09-30',
        '2027-10-31',
        '2027-11-30',
        '2027-12-31',
        '2028-01-31',
        '2028-02-29',
        '2028-03-31',
        '2028-04-30',
      ],
    );
  });

  it('day 29 runs in February only in leap years', async () => {
    const runs = await runsBetween('2027-01-15T00:00:00Z', '2028-03-15T00:00:00Z', (jq, record) => {
      jq.runMonthly(record, '12:00', 29);
    });
    const februaries = runs.filter((at) => at.slice(5, 7) === '02').map((at) => at.slice(0, 10));
    assert.deepEqual(februaries, ['2028-02-29']);
    assert.equal(runs.length, 13, 'the 14 months from January 2027 to February 2028, less February 2027');
  });

  it('keeps the wall time across daylight saving changes in its zone', async () => {
    const runs = await runsBetween('2026-02-01T00:00:00Z', '2026-12-01T00:00:00Z', (jq, record) => {
      jq.runMonthly(record, { hour: 2, minute: 30, timeZone: 'Europe/Berlin' }, 29);
    });
    assert.deepEqual(
      runs.slice(0, 2),
      ['2026-03-29T01:30:00.000Z', '2026-04-29T00:30:00.000Z'],
      'the gap day runs at 03:30 CEST',
    );
    assert.equal(runs.at(-1), '2026-11-29T01:30:00.000Z', 'winter time again');
  });

  it('refuses days outside 1..31 and -1', () => {
    const jobQueue = new JobQueue();
    assert.throws(() => jobQueue.runMonthly(() => {}, '10:00', 0), /1 to 31, or -1/);
    assert.throws(() => jobQueue.runMonthly(() => {}, '10:00', 32), /1 to 31, or -1/);
  });
});

describe('runCustom (cron)', () => {
  it('reads the expression in the job queue time zone (UTC by default)', async () => {
    const runs = await runsBetween('2026-01-05T00:00:00Z', '2026-01-07T00:00:00Z', (jq, record) => {
      jq.runCustom(record, { cron: '0 9 * * *' });
    });
    assert.deepEqual(runs, ['2026-01-05T09:00:00.000Z', '2026-01-06T09:00:00.000Z']);
    const defaults = await runsBetween(
      '2026-01-05T00:00:00Z',
      '2026-01-06T00:00:00Z',
      (jq, record) => {
        jq.runCustom(record, { cron: '0 9 * * *' });
      },
      'Europe/Berlin',
    );
    assert.deepEqual(defaults, ['2026-01-05T08:00:00.000Z']);
  });

  it('with its own time zone, weekdays and seconds; across a daylight saving change', async () => {
    const tokyo = await runsBetween('2026-01-05T00:00:00Z', '2026-01-20T00:00:00Z', (jq, record) => {
      jq.runCustom(record, { cron: '0 4 * * 1', timeZone: 'Asia/Tokyo' });
    });
    assert.deepEqual(tokyo, ['2026-01-11T19:00:00.000Z', '2026-01-18T19:00:00.000Z']);
    const seconds = await runsBetween('2026-01-05T00:00:00Z', '2026-01-05T00:01:00Z', (jq, record) => {
      jq.runCustom(record, { cron: '*/15 * * * * *' });
    });
    assert.deepEqual(
      seconds.map((at) => at.slice(14, 19)),
      ['00:00', '00:15', '00:30', '00:45', '01:00'],
    );
    const newYork = await runsBetween('2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z', (jq, record) => {
      jq.runCustom(record, { cron: '0 9 * * *', timeZone: 'America/New_York' });
    });
    assert.deepEqual(newYork, [
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('refuses a bad expression or time zone, saying what to write', () => {
    const jobQueue = new JobQueue();
    assert.throws(
      () => jobQueue.runCustom(() => {}, { cron: 'every day' }),
      /Invalid cron expression "every day".*five fields/,
    );
    assert.throws(() => jobQueue.runCustom(() => {}, { cron: '' }), /non-empty string/);
    assert.throws(
      () => jobQueue.runCustom(() => {}, { cron: '0 9 * * *', timeZone: 'Nowhere/City' }),
      /Unknown runCustom: time zone/,
    );
  });
});
