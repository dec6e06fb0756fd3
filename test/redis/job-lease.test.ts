// RedisJobLease: three real processes with the same repeating job; only the lease holder runs
// it; when the holder is SIGKILLed another takes over within the lease time; no scheduled run is
// run twice. Also the lease's own steps on one client.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { Job } from '../../src/ext/job-queue/job.js';
import { RedisJobLease } from '../../src/redis/index.js';
import { cleanUp, REDIS_URL, redisSkipReason, testClient, testPrefix } from './helpers.js';

const skip = await redisSkipReason();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Runner {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly token: string;
}

function startRunner(prefix: string, intervalMs: number, leaseMs: number): Promise<Runner> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/redis/fixtures/job-runner.ts'], {
    env: {
      ...process.env,
      REDIS_URL,
      PREFIX: prefix,
      INTERVAL_MS: String(intervalMs),
      LEASE_MS: String(leaseMs),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a job runner did not start within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`a job runner exited early (code ${code})`)));
    createInterface({ input: child.stdout as NonNullable<typeof child.stdout> }).once('line', (line) => {
      clearTimeout(timer);
      const { pid, token } = JSON.parse(line) as { pid: number; token: string };
      resolve({ child, pid, token });
    });
  });
}

async function stopRunner(runner: Runner): Promise<void> {
  if (runner.child.exitCode !== null || runner.child.signalCode !== null) return;
  const exited = once(runner.child, 'exit');
  runner.child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
  if (runner.child.exitCode === null && runner.child.signalCode === null) runner.child.kill('SIGKILL');
}

describe('RedisJobLease', { skip }, () => {
  it('three processes: one runs the job; after a SIGKILL another takes over in time; no run twice', async () => {
    const prefix = testPrefix();
    const client = testClient();
    const intervalMs = 100;
    const leaseMs = 2000;
    const runners = await Promise.all([0, 1, 2].map(() => startRunner(prefix, intervalMs, leaseMs)));
    try {
      await sleep(1500);
      const holderToken = await client.get(`${prefix}job-lease`);
      const holder = runners.find((runner) => runner.token === holderToken);
      assert.ok(holder !== undefined, 'one of the three holds the lease');
      const killedAt = Date.now();
      holder.child.kill('SIGKILL');
      await once(holder.child, 'exit');
      await sleep(2 * leaseMs + 1000);
      for (const runner of runners) await stopRunner(runner);

      const runs = (await client.lrange(`${prefix}runs`, 0, -1)).map((line) => {
        const [slot, pid] = line.split(':');
        return { slot: Number(slot), pid: Number(pid) };
      });
      const slots = runs.map((run) => run.slot);
      assert.equal(new Set(slots).size, slots.length, 'no scheduled run ran twice');
      assert.ok(
        slots.every((slot) => slot % intervalMs === 0),
        'each run is for a scheduled time',
      );
      const before = runs.filter((run) => run.slot < killedAt - intervalMs);
      assert.ok(before.length >= 5, `the job ran before the kill (${before.length} runs)`);
      assert.ok(
        before.every((run) => run.pid === holder.pid),
        'before the kill only the lease holder ran it',
      );
      const after = runs.filter((run) => run.pid !== holder.pid);
      assert.ok(after.length >= 5, `another process ran it after the kill (${after.length} runs)`);
      const firstAfter = Math.min(...after.map((run) => run.slot));
      const takeover = firstAfter - killedAt;
      // The bound: the lease runs out, the next renewal round of a survivor takes it, the next
      // scheduled run goes; plus slack for timers running late on a loaded machine.
      assert.ok(
        takeover <= leaseMs + leaseMs / 3 + intervalMs + 500,
        `taken over ${takeover} ms after the kill, within the lease time and one renewal`,
      );
    } finally {
      for (const runner of runners) await stopRunner(runner);
      await cleanUp(client, prefix);
    }
  });

  it('takes, keeps and gives up the lease; a run is claimed once; a rival waits', async () => {
    const prefix = testPrefix();
    const client = testClient();
    const a = new RedisJobLease({ redis: client, prefix, leaseMs: 5000 });
    const b = new RedisJobLease({ redis: client, prefix, leaseMs: 5000 });
    const job = new Job(() => {}, { name: 'report' });
    try {
      await a.start();
      await b.start();
      assert.equal(a.holding, true, 'the first to start holds the lease');
      assert.equal(b.holding, false, 'the second does not');
      assert.equal(await b.shouldRun(job, 1000), false, 'a process without the lease does not run');
      assert.equal(await a.shouldRun(job, 1000), true, 'the holder claims and runs the run');
      assert.equal(await a.shouldRun(job, 1000), false, 'the same scheduled run is not run again');
      assert.equal(await a.shouldRun(job, 2000), true, 'the next scheduled run is');
      assert.ok((await client.pttl(`${prefix}job-run:report:1000`)) > 0, 'claims expire');
      await a.stop();
      assert.equal(await client.get(`${prefix}job-lease`), null, 'stop gives the lease up');
      await sleep(5000 / 3 + 300);
      assert.equal(b.holding, true, 'the rival takes it at its next round');
      assert.equal(await client.get(`${prefix}job-lease`), b.token, 'under its own token');
      await b.stop();
      assert.equal(await client.ping(), 'PONG', 'a given client stays open');
      assert.throws(() => new RedisJobLease({ leaseMs: 0 }), /leaseMs must be a positive number/);
    } finally {
      await cleanUp(client, prefix);
    }
  });
});
