/**
 * Type tests of the JobQueue's public signatures: the `when` forms, options, callbacks typed by
 * the application's context, persistent jobs naming a registered callback with JSON data.
 * Only type-checked (`npm run typecheck`); each `@ts-expect-error` must stay an error.
 */
import {
  Application,
  CallbackContext,
  ContextTypes,
  type ExtBot,
  type Job,
  JobQueue,
  type TimeOfDay,
  type When,
} from '../../../src/ext/index.js';

declare const jobQueue: JobQueue;

export function whenForms(): void {
  jobQueue.runOnce(() => {}, 5);
  jobQueue.runOnce(() => {}, new Date());
  jobQueue.runOnce(() => {}, '09:30');
  jobQueue.runOnce(() => {}, '09:30:15');
  jobQueue.runOnce(() => {}, { hour: 9, minute: 30, timeZone: 'Europe/Berlin' });
  // @ts-expect-error a time of day needs a minute
  jobQueue.runOnce(() => {}, { hour: 9 });
  // @ts-expect-error not a time of day string
  jobQueue.runOnce(() => {}, 'tomorrow');
  // @ts-expect-error a time zone is a string
  jobQueue.runOnce(() => {}, { hour: 9, minute: 0, timeZone: 1 });
  const forms: When[] = [1, new Date(), '10:00', { hour: 1, minute: 2, second: 3 }];
  const time: TimeOfDay = '23:59';
  jobQueue.runDaily(() => {}, time, { days: [0, 6] });
  // @ts-expect-error runDaily takes a time of day, not seconds
  jobQueue.runDaily(() => {}, 60);
  // @ts-expect-error weekdays are 0 (Sunday) .. 6 (Saturday)
  jobQueue.runDaily(() => {}, '08:00', { days: [7] });
  jobQueue.runRepeating(() => {}, 10, { first: '08:00', last: new Date() });
  jobQueue.runMonthly(() => {}, { hour: 8, minute: 0 }, -1);
  jobQueue.runCustom(() => {}, { cron: '0 9 * * 1-5', timeZone: 'Asia/Tokyo', name: 'weekdays' });
  // @ts-expect-error runCustom needs a cron expression
  jobQueue.runCustom(() => {}, { timeZone: 'UTC' });
  void forms;
}

export function jobHandles(): void {
  const job: Job = jobQueue.runOnce(
    async (context) => {
      const current: Job | undefined = context.job;
      await context.bot.sendMessage(current?.chatId ?? 0, String(current?.data));
    },
    5,
    {
      chatId: 1,
      userId: 2,
      data: { anything: new Map() },
      jobKwargs: { maxInstances: 2, misfireGraceTime: null },
    },
  );
  job.enabled = false;
  const next: Date | null = job.nextTRun;
  const removed: boolean = job.removed;
  job.scheduleRemoval();
  // @ts-expect-error the id is read-only
  job.id = 'x';
  // @ts-expect-error chatId is a number
  jobQueue.runOnce(() => {}, 5, { chatId: '1' });
  const named: readonly Job[] = jobQueue.getJobsByName('x');
  void [next, removed, named];
}

export function persistentJobs(): void {
  const typed = new JobQueue<CallbackContext, 'remind'>();
  typed.register('remind', async (context) => {
    await context.bot.sendMessage(context.job?.chatId ?? 0, 'Reminder');
  });
  // @ts-expect-error only the declared names can be registered
  typed.register('other', () => {});
  typed.runOnce('remind', 60, { persistent: true, data: { text: 'tea', n: [1, null] }, missedRuns: 'skip' });
  typed.runRepeating('remind', 60, { persistent: true, first: 10 });
  typed.runDaily('remind', '09:00', { persistent: true, days: [1] });
  typed.runMonthly('remind', '09:00', 1, { persistent: true });
  typed.runCustom('remind', { cron: '* * * * *', persistent: true });
  // @ts-expect-error a persistent job names a registered callback, not a function
  typed.runOnce(() => {}, 60, { persistent: true });
  // @ts-expect-error the name must be one that was registered
  typed.runOnce('unknown', 60, { persistent: true });
  // @ts-expect-error a persistent job's data is JSON (no Date)
  typed.runOnce('remind', 60, { persistent: true, data: { at: new Date() } });
  // @ts-expect-error missed runs are 'runOnce' or 'skip'
  typed.runOnce('remind', 60, { persistent: true, missedRuns: 'all' });
}

class MyContext extends CallbackContext<ExtBot, { alarms: number }> {}

export function contextTyped(): void {
  const app = Application.builder()
    .token('t')
    .contextTypes(new ContextTypes({ context: MyContext }))
    .build();
  const queue: JobQueue<MyContext> | null = app.jobQueue;
  queue?.runOnce((context) => {
    const ctx: MyContext = context;
    const alarms: number | undefined = context.userData?.alarms;
    void [ctx, alarms];
  }, 1);
  Application.builder().jobQueue(null);
  Application.builder().jobQueue(new JobQueue());
  // @ts-expect-error only a JobQueue or null
  Application.builder().jobQueue({});
}

export function contextJobQueue(context: CallbackContext): void {
  const queue: JobQueue<CallbackContext> | null = context.jobQueue;
  queue?.runOnce((inner) => {
    const job: Job | undefined = inner.job;
    void job;
  }, 1);
}
