// Persistent jobs: registered callbacks by name, stored through a BasePersistence, restored by a
// second JobQueue (a restart) with the missed-run policies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Application } from '../../../src/ext/application.js';
import '../../../src/ext/builder.js';
import type { CallbackContext } from '../../../src/ext/context.js';
import { Defaults } from '../../../src/ext/defaults.js';
import { JobQueue } from '../../../src/ext/job-queue/job-queue.js';
import {
  BasePersistence,
  type ConversationDict,
  type ConversationKey,
  type ConversationState,
  type PersistedCallbackData,
  type PersistedJob,
} from '../../../src/ext/persistence/base.js';
import { TOKEN } from '../helpers.js';
import { TestClock } from './clock.js';

type Data = Record<string, unknown>;

/** Everything in memory, as JSON text where a real backend would serialise. */
class MemoryPersistence extends BasePersistence {
  readonly users = new Map<number, Data>();
  readonly chats = new Map<number, Data>();
  bot_: Data | undefined;
  callbackData: PersistedCallbackData | null = null;
  readonly conversations = new Map<string, ConversationDict>();
  /** Jobs as stored: JSON text, so nothing the queue holds is shared with the store. */
  readonly jobs = new Map<string, string>();
  readonly jobWrites: [string, boolean][] = [];

  async getUserData(): Promise<Map<number, Data>> {
    return new Map(this.users);
  }
  async getChatData(): Promise<Map<number, Data>> {
    return new Map(this.chats);
  }
  async getBotData(): Promise<Data | undefined> {
    return this.bot_;
  }
  async getCallbackData(): Promise<PersistedCallbackData | null> {
    return this.callbackData;
  }
  async getConversations(name: string): Promise<ConversationDict> {
    return new Map(this.conversations.get(name));
  }
  async updateConversation(
    name: string,
    key: ConversationKey,
    state: ConversationState | null,
  ): Promise<void> {
    const states = this.conversations.get(name) ?? new Map<ConversationKey, ConversationState>();
    if (state === null) states.delete(key);
    else states.set(key, state);
    this.conversations.set(name, states);
  }
  async updateUserData(userId: number, data: Data): Promise<void> {
    this.users.set(userId, data);
  }
  async updateChatData(chatId: number, data: Data): Promise<void> {
    this.chats.set(chatId, data);
  }
  async updateBotData(data: Data): Promise<void> {
    this.bot_ = data;
  }
  async updateCallbackData(data: PersistedCallbackData): Promise<void> {
    this.callbackData = data;
  }
  async dropUserData(userId: number): Promise<void> {
    this.users.delete(userId);
  }
  async dropChatData(chatId: number): Promise<void> {
    this.chats.delete(chatId);
  }
  async getJobs(): Promise<Map<string, PersistedJob>> {
    return new Map([...this.jobs].map(([id, text]) => [id, JSON.parse(text) as PersistedJob]));
  }
  async updateJob(id: string, job: PersistedJob | null): Promise<void> {
    this.jobWrites.push([id, job !== null]);
    if (job === null) this.jobs.delete(id);
    else this.jobs.set(id, JSON.stringify(job));
  }
  async flush(): Promise<void> {}
}

const START = Date.UTC(2026, 0, 5, 12, 0, 0);

/** A job queue in an application of its own, on a clock starting at `at`, with `remind` registered. */
function boot(at: number, seen: unknown[], tzinfo?: string) {
  const clock = new TestClock(at);
  const jobQueue = new JobQueue<CallbackContext, 'remind' | 'tick'>({ clock });
  const builder = Application.builder()
    .token(TOKEN)
    .updater(null)
    .jobQueue(jobQueue as JobQueue);
  if (tzinfo !== undefined) builder.defaults(new Defaults({ tzinfo }));
  builder.build();
  jobQueue.register('remind', (context) => {
    seen.push({
      at: new Date(clock.now()).toISOString(),
      data: context.job?.data,
      chat: context.job?.chatId,
    });
  });
  jobQueue.register('tick', () => {
    seen.push((clock.now() - START) / 1000);
  });
  return { clock, jobQueue };
}

describe('persistent jobs', () => {
  it('a one-off job stored by one queue runs in the next (a restart), with its data, chat and id', async () => {
    const persistence = new MemoryPersistence();
    const seen: unknown[] = [];
    const first = boot(START, seen);
    const job = first.jobQueue.runOnce('remind', 3600, {
      persistent: true,
      chatId: 42,
      data: { text: 'tea', tags: ['a', 1, null] },
    });
    assert.equal(job.persistent, true);
    assert.equal(job.name, 'remind', 'the name defaults to the registered name');
    await first.jobQueue.storePersisted(persistence);
    const stored = (await persistence.getJobs()).get(job.id);
    assert.deepEqual(stored, {
      id: job.id,
      callback: 'remind',
      name: 'remind',
      data: { text: 'tea', tags: ['a', 1, null] },
      chatId: 42,
      userId: null,
      enabled: true,
      schedule: { kind: 'once', at: START + 3_600_000, maxInstances: 1, misfireGraceTime: null },
      nextRun: START + 3_600_000,
      missedRuns: 'runOnce',
    });

    // The restart: half an hour later, a new process.
    const second = boot(START + 1_800_000, seen);
    await second.jobQueue.loadPersisted(persistence);
    const [restored] = second.jobQueue.jobs();
    assert.equal(restored?.id, job.id);
    assert.equal(restored?.nextTRun?.getTime(), START + 3_600_000);
    await second.jobQueue.start();
    await second.clock.advance(1_800_000);
    assert.deepEqual(seen, [
      { at: '2026-01-05T13:00:00.000Z', data: { text: 'tea', tags: ['a', 1, null] }, chat: 42 },
    ]);
    await second.jobQueue.storePersisted(persistence);
    assert.equal(persistence.jobs.size, 0, 'a job with no run left is removed from the store');
    await second.jobQueue.stop();
  });

  it("missedRuns 'runOnce': runs that fell due while stopped run once, late, then the schedule goes on", async () => {
    const persistence = new MemoryPersistence();
    const seen: unknown[] = [];
    const first = boot(START, seen);
    first.jobQueue.runRepeating('tick', 60, { persistent: true, first: 60 });
    await first.jobQueue.start();
    await first.clock.advance(120_000);
    await first.jobQueue.stop();
    await first.jobQueue.storePersisted(persistence);
    assert.deepEqual(seen, [60, 120]);

    // Down from t=120 s to t=400 s: runs at 180, 240, 300, 360 were missed.
    const second = boot(START + 400_000, seen);
    await second.jobQueue.loadPersisted(persistence);
    await second.jobQueue.start();
    await second.clock.advance(0);
    assert.deepEqual(seen, [60, 120, 400], 'one late run for all the missed ones');
    await second.clock.advance(100_000);
    assert.deepEqual(seen, [60, 120, 400, 420, 480], 'then the original grid (every 60 s from 60)');
    await second.jobQueue.stop();
  });

  it("missedRuns 'skip': the schedule goes on with the next run ahead; a missed one-off job is dropped", async () => {
    const persistence = new MemoryPersistence();
    const seen: unknown[] = [];
    const first = boot(START, seen, 'Europe/Berlin');
    const daily = first.jobQueue.runDaily('tick', '09:00', { persistent: true, missedRuns: 'skip' });
    const once = first.jobQueue.runOnce('remind', 60, { persistent: true, missedRuns: 'skip' });
    await first.jobQueue.storePersisted(persistence);
    assert.equal(persistence.jobs.size, 2);

    // Back two days later at 12:00 UTC (13:00 Berlin): today's 09:00 has passed.
    const second = boot(START + 2 * 86_400_000, seen, 'UTC');
    await second.jobQueue.loadPersisted(persistence);
    assert.deepEqual(
      second.jobQueue.jobs().map((job) => job.id),
      [daily.id],
      'the one-off job had no run left',
    );
    assert.equal(
      second.jobQueue.jobs()[0]?.nextTRun?.toISOString(),
      '2026-01-08T08:00:00.000Z',
      'the next 09:00 in Berlin (the stored zone, not the new default)',
    );
    await second.jobQueue.start();
    await second.clock.advance(0);
    assert.deepEqual(seen, [], 'nothing ran late');
    await second.jobQueue.storePersisted(persistence);
    assert.deepEqual([...persistence.jobs.keys()], [daily.id], 'the dropped job is removed from the store');
    assert.ok(!persistence.jobs.has(once.id), 'the one-off job is gone');
    await second.jobQueue.stop();
  });

  it('storePersisted writes only what changed: runs, enabled, removal', async () => {
    const persistence = new MemoryPersistence();
    const seen: unknown[] = [];
    const { clock, jobQueue } = boot(START, seen);
    const cron = jobQueue.runCustom('tick', { cron: '0 * * * *', persistent: true, timeZone: 'Asia/Tokyo' });
    const plain = jobQueue.runRepeating(() => {}, 10);
    await jobQueue.storePersisted(persistence);
    assert.deepEqual(persistence.jobWrites, [[cron.id, true]], 'only persistent jobs are stored');
    await jobQueue.storePersisted(persistence);
    assert.equal(persistence.jobWrites.length, 1, 'nothing changed, nothing written');
    cron.enabled = false;
    await jobQueue.storePersisted(persistence);
    assert.equal(JSON.parse(persistence.jobs.get(cron.id) ?? '{}').enabled, false);
    await jobQueue.start();
    await clock.advance(3_600_000);
    assert.deepEqual(seen, [], 'a disabled job does not run');
    await jobQueue.storePersisted(persistence);
    assert.equal(
      (JSON.parse(persistence.jobs.get(cron.id) ?? '{}') as PersistedJob).nextRun,
      START + 7_200_000,
      'the next run (14:00) after the 13:00 run, skipped while disabled',
    );
    const restarted = boot(START + 3_600_000, seen);
    await restarted.jobQueue.loadPersisted(persistence);
    assert.equal(restarted.jobQueue.jobs()[0]?.enabled, false, 'restored disabled');
    cron.scheduleRemoval();
    plain.scheduleRemoval();
    await jobQueue.storePersisted(persistence);
    assert.equal(persistence.jobs.size, 0);
    assert.deepEqual(persistence.jobWrites.at(-1), [cron.id, false]);
    await jobQueue.stop();
  });

  it('loading a job whose callback name is not registered fails naming it', async () => {
    const persistence = new MemoryPersistence();
    const seen: unknown[] = [];
    const first = boot(START, seen);
    first.jobQueue.runMonthly('remind', '10:00', -1, { persistent: true, name: 'rent' });
    await first.jobQueue.storePersisted(persistence);
    const bare = new JobQueue<CallbackContext>({ clock: new TestClock(START) });
    await assert.rejects(
      bare.loadPersisted(persistence),
      /\("rent"\) runs the callback registered as "remind", but nothing is registered under that name: call jobQueue.register\("remind", callback\)/,
    );
  });

  it('a persistent job takes a registered name and JSON data only', () => {
    const seen: unknown[] = [];
    const { jobQueue } = boot(START, seen);
    assert.throws(
      () => jobQueue.runOnce((() => {}) as never, 5, { persistent: true }),
      /names its callback by the name it was registered under/,
    );
    assert.throws(
      () => jobQueue.runOnce('remind', 5, { persistent: true, data: { when: new Date() } as never }),
      /must be JSON .*when is not/,
    );
    assert.throws(
      () => jobQueue.runOnce('remind', 5, { persistent: true, missedRuns: 'all' as never }),
      /missedRuns must be 'runOnce' or 'skip'/,
    );
    assert.throws(() => jobQueue.register('remind', () => {}), /already registered as "remind"/);
  });
});
