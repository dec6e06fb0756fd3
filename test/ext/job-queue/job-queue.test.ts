// The JobQueue's core: runOnce/runRepeating forms, job handles, contexts, errors, stop, drift.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Application } from '../../../src/ext/application.js';
import { CallbackContext } from '../../../src/ext/context.js';
import { ContextTypes } from '../../../src/ext/context-types.js';
import { Defaults } from '../../../src/ext/defaults.js';
import type { ExtBot } from '../../../src/ext/ext-bot.js';
import { TypeHandler } from '../../../src/ext/handlers/type.js';
import { Job } from '../../../src/ext/job-queue/job.js';
import { JobQueue } from '../../../src/ext/job-queue/job-queue.js';
import '../../../src/ext/builder.js';
import { recordingLogger, TOKEN } from '../helpers.js';
import { settle, TestClock } from './clock.js';

const START = Date.UTC(2026, 0, 5, 12, 0, 0); // Monday 2026-01-05 12:00:00 UTC

function setup(options: { start?: number; tzinfo?: string } = {}) {
  const clock = new TestClock(options.start ?? START);
  const jobQueue = new JobQueue({ clock });
  const logger = recordingLogger();
  const builder = Application.builder().token(TOKEN).updater(null).logger(logger).jobQueue(jobQueue);
  if (options.tzinfo !== undefined) builder.defaults(new Defaults({ tzinfo: options.tzinfo }));
  const app = builder.build();
  return { clock, jobQueue, app, logger };
}

describe('JobQueue: runOnce', () => {
  it('runs after a number of seconds, once, and then leaves the queue', async () => {
    const { clock, jobQueue } = setup();
    const runs: number[] = [];
    const job = jobQueue.runOnce(() => void runs.push(clock.now()), 10);
    await jobQueue.start();
    assert.equal(job.nextTRun?.getTime(), START + 10_000);
    assert.deepEqual(jobQueue.jobs(), [job]);
    await clock.advance(9_999);
    assert.deepEqual(runs, [], 'not before its time');
    await clock.advance(1);
    assert.deepEqual(runs, [START + 10_000]);
    await clock.advance(60_000);
    assert.equal(runs.length, 1, 'once only');
    assert.equal(job.nextTRun, null);
    assert.deepEqual(jobQueue.jobs(), [], 'a finished one-off job is no longer scheduled');
    await jobQueue.stop();
  });

  it('takes a Date, a time of day object and an HH:MM string (next occurrence, in its zone or the default)', async () => {
    const { clock, jobQueue } = setup({ tzinfo: 'Europe/Berlin' });
    const at = jobQueue.runOnce(() => {}, new Date(START + 5_000));
    assert.equal(at.nextTRun?.toISOString(), '2026-01-05T12:00:05.000Z');
    // 14:00 Berlin (UTC+1 in winter) is 13:00 UTC, still ahead today.
    const later = jobQueue.runOnce(() => {}, '14:00');
    assert.equal(later.nextTRun?.toISOString(), '2026-01-05T13:00:00.000Z');
    // 12:30 Berlin (11:30 UTC) has passed: tomorrow.
    const tomorrow = jobQueue.runOnce(() => {}, { hour: 12, minute: 30 });
    assert.equal(tomorrow.nextTRun?.toISOString(), '2026-01-06T11:30:00.000Z');
    const newYork = jobQueue.runOnce(() => {}, {
      hour: 7,
      minute: 15,
      second: 5,
      timeZone: 'America/New_York',
    });
    assert.equal(newYork.nextTRun?.toISOString(), '2026-01-05T12:15:05.000Z');
    const seconds = jobQueue.runOnce(() => {}, '23:59:59');
    assert.equal(seconds.nextTRun?.toISOString(), '2026-01-05T22:59:59.000Z');
    const ran: string[] = [];
    jobQueue.runOnce(() => void ran.push('past date runs at once'), new Date(START - 60_000));
    await jobQueue.start();
    await clock.advance(0);
    assert.deepEqual(ran, ['past date runs at once']);
    await jobQueue.stop();
  });

  it('without Defaults the time zone is UTC', () => {
    const { jobQueue } = setup();
    assert.equal(jobQueue.timeZone, 'UTC');
    assert.deepEqual(jobQueue.schedulerConfiguration, {
      timeZone: 'UTC',
      maxInstances: 1,
      misfireGraceTime: null,
    });
    assert.equal(setup({ tzinfo: 'Asia/Tokyo' }).jobQueue.schedulerConfiguration.timeZone, 'Asia/Tokyo');
    assert.equal(jobQueue.runOnce(() => {}, '13:00').nextTRun?.toISOString(), '2026-01-05T13:00:00.000Z');
  });

  it('refuses bad input with errors that say what to write', () => {
    const { jobQueue } = setup();
    assert.throws(() => jobQueue.runOnce(() => {}, '25:00'), /hour must be a whole number from 0 to 23/);
    assert.throws(() => jobQueue.runOnce(() => {}, 'noon' as never), /'HH:MM' or 'HH:MM:SS'/);
    assert.throws(() => jobQueue.runOnce(() => {}, Number.NaN), /finite number/);
    assert.throws(() => jobQueue.runOnce(() => {}, new Date('nope')), /Date is invalid/);
    assert.throws(
      () => jobQueue.runOnce(() => {}, { hour: 1, minute: 0, timeZone: 'Mars/Olympus' }),
      /Unknown runOnce: time zone "Mars\/Olympus"/,
    );
    assert.throws(
      () => jobQueue.runOnce('nobody', 5),
      /no callback is registered as "nobody"; call jobQueue.register\("nobody", callback\) first/,
    );
    assert.throws(() => jobQueue.runOnce(() => {}, 5, { chatId: 1.5 }), /chatId must be an integer/);
    assert.throws(() => jobQueue.runOnce(() => {}, 5, { jobKwargs: { maxInstances: 0 } }), /maxInstances/);
    assert.throws(() => jobQueue.runRepeating(() => {}, 0), /interval must be a positive number of seconds/);
    assert.throws(
      () => jobQueue.runRepeating(() => {}, 5, { first: 10, last: 5 }),
      /'last' must not be before 'first'/,
    );
  });
});

describe('JobQueue: runRepeating', () => {
  it('first defaults to one interval from now; first and last bound the runs (last inclusive)', async () => {
    const { clock, jobQueue } = setup();
    const runs: number[] = [];
    const plain = jobQueue.runRepeating(() => {}, 30);
    assert.equal(plain.nextTRun?.getTime(), START + 30_000);
    plain.scheduleRemoval();
    jobQueue.runRepeating(() => void runs.push((clock.now() - START) / 1000), 10, { first: 5, last: 35 });
    await jobQueue.start();
    await clock.advance(100_000);
    assert.deepEqual(runs, [5, 15, 25, 35]);
    assert.deepEqual(jobQueue.jobs(), []);
    await jobQueue.stop();
  });

  it('a first time of day already past keeps to its grid: the next slot after now', () => {
    const { jobQueue } = setup();
    // first = today 11:00 UTC (an hour ago), every 25 minutes: slots 11:00, 11:25, 11:50, 12:15.
    const job = jobQueue.runRepeating(() => {}, 1500, { first: '11:00' });
    assert.equal(job.nextTRun?.toISOString(), '2026-01-05T12:15:00.000Z');
  });

  it('does not drift: 10 000 runs with late timers and slow callbacks stay on first + k * interval', async () => {
    const { clock, jobQueue } = setup();
    const runs: number[] = [];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // Timers fire up to 400 ms late; each callback takes up to 300 ms of clock time.
    clock.lateness = () => Math.floor(random() * 400);
    const job = jobQueue.runRepeating(
      () => {
        runs.push(clock.now());
        clock.jump(Math.floor(random() * 300));
      },
      1,
      { first: 1 },
    );
    await jobQueue.start();
    await clock.advance(10_000 * 1000);
    assert.equal(runs.length, 10_000);
    const lateness = runs.map((at, k) => at - (START + 1000 + k * 1000));
    assert.ok(
      Math.max(...lateness) < 400,
      `every run within its timer's lateness, worst ${Math.max(...lateness)} ms`,
    );
    assert.ok(Math.min(...lateness) >= 0, 'no run early');
    assert.equal(
      job.nextTRun?.getTime(),
      START + 10_001 * 1000,
      'the schedule is where it started plus 10 000 intervals',
    );
    await jobQueue.stop();
  });

  it('runs missed while the process slept are made up for once, then the grid goes on', async () => {
    const { clock, jobQueue } = setup();
    const runs: number[] = [];
    jobQueue.runRepeating(() => void runs.push((clock.now() - START) / 1000), 10, { first: 10 });
    await jobQueue.start();
    await clock.advance(10_000);
    clock.jump(35_000); // asleep from t=10 to t=45; the timer for t=20 fires late
    await clock.advance(0);
    await clock.advance(15_000);
    assert.deepEqual(runs, [10, 45, 50, 60]);
    await jobQueue.stop();
  });
});

describe('JobQueue: jobs and their handles', () => {
  it('jobs(), jobs(pattern), getJobsByName; names default to the callback name', () => {
    const { jobQueue } = setup();
    async function tick(): Promise<void> {}
    const a = jobQueue.runRepeating(tick, 10);
    const b = jobQueue.runOnce(() => {}, 10, { name: 'alarm-1' });
    const c = jobQueue.runOnce(() => {}, 10, { name: 'alarm-2' });
    assert.equal(a.name, 'tick');
    assert.deepEqual(jobQueue.jobs(), [a, b, c]);
    assert.deepEqual(jobQueue.jobs('alarm'), [b, c]);
    assert.deepEqual(jobQueue.jobs(/-2$/), [c]);
    assert.deepEqual(jobQueue.getJobsByName('alarm-1'), [b]);
    assert.deepEqual(jobQueue.getJobsByName('alarm'), [], 'exact names only');
    assert.ok(b.equals(jobQueue.getJobsByName('alarm-1')[0]), 'equal by id');
    assert.ok(!b.equals(c), 'different jobs differ');
  });

  it('a disabled job skips runs but stays scheduled; scheduleRemoval removes it for good', async () => {
    const { clock, jobQueue } = setup();
    const runs: number[] = [];
    const job = jobQueue.runRepeating(() => void runs.push((clock.now() - START) / 1000), 10, { first: 10 });
    await jobQueue.start();
    await clock.advance(10_000);
    job.enabled = false;
    await clock.advance(20_000);
    assert.deepEqual(runs, [10], 'no runs while disabled');
    assert.deepEqual(jobQueue.jobs(), [job], 'still scheduled');
    assert.equal(job.nextTRun?.getTime(), START + 40_000);
    job.enabled = true;
    await clock.advance(10_000);
    assert.deepEqual(runs, [10, 40]);
    assert.equal(job.removed, false);
    job.scheduleRemoval();
    assert.equal(job.removed, true);
    assert.equal(job.nextTRun, null);
    assert.deepEqual(jobQueue.jobs(), []);
    await clock.advance(60_000);
    assert.deepEqual(runs, [10, 40]);
    assert.equal(clock.timers.size, 0, 'no timer left for a queue without jobs');
    await jobQueue.stop();
  });

  it('job.run(application) runs now, outside the schedule; a job built by hand runs too', async () => {
    const { jobQueue, app } = setup();
    const seen: unknown[] = [];
    const job = jobQueue.runOnce((context) => void seen.push(context.job?.data), 3600, { data: 'now' });
    await job.run(app);
    await new Job((context: CallbackContext) => void seen.push(context.job?.name), { name: 'manual' }).run(
      app,
    );
    assert.deepEqual(seen, ['now', 'manual']);
    assert.equal(job.nextTRun?.getTime(), START + 3_600_000, 'the schedule is untouched');
  });

  it('a run that falls due while the previous still runs is skipped (maxInstances 1), unless allowed', async () => {
    const { clock, jobQueue, logger } = setup();
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const slow = async (): Promise<void> => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
    };
    jobQueue.runRepeating(slow, 1, { first: 1 });
    jobQueue.runRepeating(slow, 1, { first: 1, name: 'two', jobKwargs: { maxInstances: 2 } });
    await jobQueue.start();
    await clock.advance(3_000);
    assert.equal(most, 3, 'one instance of the first job, two of the second');
    assert.ok(
      logger.warnings.some(([m]) => String(m).includes('maxInstances 1')),
      'the skip is logged',
    );
    for (const release of releases) release();
    await jobQueue.stop();
  });

  it('misfireGraceTime skips runs started too late', async () => {
    const { clock, jobQueue } = setup();
    const runs: number[] = [];
    jobQueue.runOnce(() => void runs.push(1), 10, { jobKwargs: { misfireGraceTime: 1 } });
    await jobQueue.start();
    clock.jump(15_000);
    await clock.advance(0);
    assert.deepEqual(runs, []);
    await jobQueue.stop();
  });

  it('one timer serves every job: adding 10 000 later jobs does not re-arm it; all run in order', async () => {
    const { clock, jobQueue } = setup();
    const runs: number[] = [];
    await jobQueue.start();
    for (let i = 1; i <= 10_000; i++) jobQueue.runOnce(() => void runs.push(i), i);
    assert.equal(clock.delays.length, 1, 'armed once, for the first job');
    assert.equal(clock.timers.size, 1);
    await clock.advance(10_000_000);
    assert.equal(runs.length, 10_000);
    assert.ok(
      runs.every((value, index) => value === index + 1),
      'every job ran, in the order of their times',
    );
    await jobQueue.stop();
  });

  it('delays beyond the 2^31-1 ms setTimeout limit are waited out in steps', async () => {
    const { clock, jobQueue } = setup();
    const runs: number[] = [];
    const days40 = 40 * 86_400;
    jobQueue.runOnce(() => void runs.push(clock.now()), days40);
    await jobQueue.start();
    assert.ok(Math.max(...clock.delays) <= 2 ** 31 - 1, 'no timer beyond the limit');
    await clock.advance(days40 * 1000 - 1);
    assert.deepEqual(runs, []);
    await clock.advance(1);
    assert.deepEqual(runs, [START + days40 * 1000]);
    await jobQueue.stop();
  });
});

describe('JobQueue: contexts, errors, start and stop', () => {
  it('the callback gets the application context class with job, chatData and userData of the job', async () => {
    class MyContext extends CallbackContext<ExtBot, { visits: number }, { alarms: number }> {
      get chatAlarms(): number {
        return this.chatData?.alarms ?? -1;
      }
    }
    const clock = new TestClock(START);
    const app = Application.builder()
      .token(TOKEN)
      .updater(null)
      .jobQueue(null)
      .contextTypes(
        new ContextTypes({
          context: MyContext,
          chatData: () => ({ alarms: 7 }),
          userData: () => ({ visits: 2 }),
        }),
      )
      .build();
    const jobQueue = new JobQueue<MyContext>({ clock });
    jobQueue.setApplication(app);
    const seen: unknown[] = [];
    const job = jobQueue.runOnce(
      (context) => {
        seen.push(context instanceof MyContext, context.job, context.chatAlarms, context.userData?.visits);
        seen.push(context.jobQueue === null, context.bot === app.bot);
      },
      1,
      { chatId: -100, userId: 42 },
    );
    const plain = jobQueue.runOnce((context) => void seen.push(context.chatData, context.userData), 2);
    await jobQueue.start();
    await clock.advance(2_000);
    assert.deepEqual(seen, [true, job, 7, 2, true, true, undefined, undefined]);
    assert.ok(app.chatData.has(-100) && app.userData.has(42), 'the data was made for the job ids');
    assert.ok(plain.removed === false);
    await jobQueue.stop();
  });

  it("a callback's error goes to the error handlers with context.job set and update null", async () => {
    const { clock, jobQueue, app } = setup();
    const seen: unknown[] = [];
    app.addErrorHandler((update, context) => {
      seen.push(update, context.error, context.job, context.chatData);
    });
    const failure = new Error('job failed');
    const job = jobQueue.runOnce(
      () => {
        throw failure;
      },
      1,
      { chatId: 5 },
    );
    await jobQueue.start();
    await clock.advance(1_000);
    assert.deepEqual(seen, [null, failure, job, {}]);
    await jobQueue.stop();
  });

  it('stop() waits for running callbacks; stop({ wait: false }) does not; jobs do not run while stopped', async () => {
    const { clock, jobQueue } = setup();
    let release!: () => void;
    let finished = false;
    jobQueue.runOnce(async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      finished = true;
    }, 1);
    const runs: number[] = [];
    jobQueue.runRepeating(() => void runs.push(clock.now()), 10, { first: 10 });
    await jobQueue.start();
    await clock.advance(1_000);
    let stopped = false;
    const stopping = jobQueue.stop().then(() => {
      stopped = true;
    });
    await settle();
    assert.equal(stopped, false, 'stop waits for the running callback');
    release();
    await stopping;
    assert.equal(finished, true);
    assert.equal(clock.timers.size, 0, 'no timer keeps the process alive after stop');
    await clock.advance(60_000);
    assert.deepEqual(runs, [], 'nothing runs while stopped');
    await jobQueue.start();
    await clock.advance(0);
    assert.equal(runs.length, 1, 'an overdue job runs once at start');
    assert.equal(jobQueue.jobs().length, 1);

    let hold!: () => void;
    jobQueue.runOnce(
      () =>
        new Promise<void>((resolve) => {
          hold = resolve;
        }),
      1,
    );
    await clock.advance(1_000);
    await jobQueue.stop({ wait: false });
    assert.equal(jobQueue.running, false);
    hold();
  });

  it('start() needs an application', async () => {
    await assert.rejects(new JobQueue().start(), /no application/);
  });

  it('one real-time run: 20 ms repeating job runs 5 times on the system clock', async () => {
    const app = Application.builder().token(TOKEN).updater(null).build();
    const jobQueue = app.jobQueue;
    assert.ok(jobQueue !== null, 'the builder made a job queue');
    const times: number[] = [];
    let done!: () => void;
    const fifth = new Promise<void>((resolve) => {
      done = resolve;
    });
    const job = jobQueue.runRepeating(
      () => {
        times.push(Date.now());
        if (times.length === 5) {
          job.scheduleRemoval();
          done();
        }
      },
      0.02,
      { first: 0.02 },
    );
    await jobQueue.start();
    await fifth;
    await jobQueue.stop();
    assert.equal(times.length, 5);
    for (let i = 1; i < times.length; i++) {
      assert.ok((times[i] as number) >= (times[i - 1] as number), 'runs in order');
    }
  });
});

describe('JobQueue in the application lifecycle', () => {
  it('app.start() starts the job queue, jobs run beside updates, app.stop() stops it (waiting for running jobs)', async () => {
    const { Emulator } = await import('../../../src/testing/index.js');
    const emu = await Emulator.start();
    try {
      const info = await emu.createBot({ username: 'jobs_lifecycle_bot' });
      const app = Application.builder().token(info.token).baseUrl(emu.baseUrl).updater(null).build();
      const jobQueue = app.jobQueue;
      assert.ok(jobQueue !== null, 'a job queue by default');
      const order: string[] = [];
      let release!: () => void;
      jobQueue.runOnce(async () => {
        order.push('job started');
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        order.push('job finished');
      }, 0);
      await app.initialize();
      assert.equal(jobQueue.running, false, 'not before start');
      await app.start();
      assert.equal(jobQueue.running, true);
      for (let i = 0; i < 1000 && order.length === 0; i++) await settle();
      assert.deepEqual(order, ['job started'], 'the job runs once the queue started');
      // The job is still running: updates go through meanwhile.
      let handled!: () => void;
      const updateHandled = new Promise<void>((resolve) => {
        handled = resolve;
      });
      app.addHandler(
        new TypeHandler(Object, () => {
          order.push('update handled');
          handled();
        }),
      );
      app.updateQueue.put({ custom: true });
      await updateHandled;
      const stopping = app.stop().then(() => order.push('app stopped'));
      await settle();
      release();
      await stopping;
      assert.equal(jobQueue.running, false);
      assert.deepEqual(order, ['job started', 'update handled', 'job finished', 'app stopped']);
      await app.shutdown();
    } finally {
      await emu.stop();
    }
  });
});

describe('JobQueue: runGuard', () => {
  it('asks the guard before each run with its scheduled time; false skips the run; start and stop pass on', async () => {
    const clock = new TestClock(START);
    const asked: number[] = [];
    const calls: string[] = [];
    const logger = recordingLogger();
    const jobQueue = new JobQueue({
      clock,
      runGuard: {
        start: () => void calls.push('start'),
        stop: () => void calls.push('stop'),
        shouldRun: async (_job, slot) => {
          asked.push(slot);
          if (slot === START + 25_000) throw new Error('guard down');
          return slot !== START + 15_000;
        },
      },
    });
    Application.builder().token(TOKEN).updater(null).logger(logger).jobQueue(jobQueue).build();
    const runs: number[] = [];
    jobQueue.runRepeating(() => void runs.push(clock.now()), 10, { first: 5 });
    await jobQueue.start();
    await clock.advance(35_000);
    await jobQueue.stop();
    const slots = [START + 5_000, START + 15_000, START + 25_000, START + 35_000];
    assert.deepEqual(asked, slots, 'asked with each scheduled time');
    assert.deepEqual(runs, [START + 5_000, START + 35_000], 'the runs refused or failed did not happen');
    assert.match(
      String(logger.warnings[0]?.[0]),
      /runGuard failed/,
      'a failing guard is logged as a warning',
    );
    assert.deepEqual(calls, ['start', 'stop'], 'the guard starts and stops with the queue');
  });
});
