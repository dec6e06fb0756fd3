import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication } from '../../examples/timerbot.js';
import { JobQueue } from '../../src/ext/index.js';
import { Emulator } from '../../src/testing/index.js';
import { TestClock } from '../ext/job-queue/clock.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

test('timerbot: /set schedules the alarm, a new /set replaces it, /unset cancels, bad input gets the usage', async () => {
  const info = await emu.createBot({ username: 'seed_timer_bot' });
  const alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
  // The job queue runs on a clock the test moves: no waiting for the timers.
  const clock = new TestClock(Date.now());
  const app = buildApplication(info.token, emu.baseUrl, new JobQueue({ clock }));
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await alice.sendCommand(info, '/help');
    await alice.expectMessage({ text: 'Hi! Use /set <seconds> to set a timer', timeoutMs: 5000 });

    await alice.sendCommand(info, '/set 1');
    await alice.expectMessage({ text: 'Timer successfully set!', timeoutMs: 5000 });
    await clock.advance(999);
    await alice.expectNoMessage({ timeoutMs: 200 });
    await clock.advance(1);
    await alice.expectMessage({ text: 'Beep! 1 seconds are over!', timeoutMs: 5000 });

    await alice.sendCommand(info, '/set 10');
    await alice.expectMessage({ text: 'Timer successfully set!', timeoutMs: 5000 });
    await alice.sendCommand(info, '/set 20');
    await alice.expectMessage({ text: 'Timer successfully set! Old one was removed.', timeoutMs: 5000 });
    await clock.advance(10_000);
    await alice.expectNoMessage({ timeoutMs: 200 });
    await clock.advance(10_000);
    await alice.expectMessage({ text: 'Beep! 20 seconds are over!', timeoutMs: 5000 });

    await alice.sendCommand(info, '/set 30');
    await alice.expectMessage({ text: 'Timer successfully set!', timeoutMs: 5000 });
    await alice.sendCommand(info, '/unset');
    await alice.expectMessage({ text: 'Timer successfully cancelled!', timeoutMs: 5000 });
    await clock.advance(60_000);
    await alice.expectNoMessage({ timeoutMs: 200 });
    await alice.sendCommand(info, '/unset');
    await alice.expectMessage({ text: 'You have no active timer.', timeoutMs: 5000 });

    await alice.sendCommand(info, '/set');
    await alice.expectMessage({ text: 'Usage: /set <seconds>', timeoutMs: 5000 });
    await alice.sendCommand(info, '/set soon');
    await alice.expectMessage({ text: 'Usage: /set <seconds>', timeoutMs: 5000 });
    await alice.sendCommand(info, '/set -5');
    await alice.expectMessage({ text: 'Sorry we can not go back to future!', timeoutMs: 5000 });
    assert.deepEqual(app.jobQueue?.jobs(), [], 'no timer left behind');
  } finally {
    app.stopRunning();
    await running;
  }
});

test('timerbot on real time: /set 0.3 beeps a moment later', async () => {
  const info = await emu.createBot({ username: 'seed_timer_real_bot' });
  const bob = await emu.createUser({ firstName: 'Bob' });
  const app = buildApplication(info.token, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await bob.sendCommand(info, '/set 0.3');
    await bob.expectMessage({ text: 'Timer successfully set!', timeoutMs: 5000 });
    await bob.expectMessage({ text: 'Beep! 0.3 seconds are over!', timeoutMs: 5000 });
  } finally {
    app.stopRunning();
    await running;
  }
});
