import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildApplication } from '../../examples/arbitrarycallbackdatabot.js';
import type { Application } from '../../src/ext/index.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
let dir: string;
before(async () => {
  emu = await Emulator.start();
  dir = await mkdtemp(join(tmpdir(), 'arbitrarycallbackdatabot-'));
});
after(async () => {
  await emu.stop();
  await rm(dir, { recursive: true, force: true });
});

async function running<T>(app: Application, body: () => Promise<T>): Promise<T> {
  const run = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    return await body();
  } finally {
    app.stopRunning();
    await run;
  }
}

const SORRY = 'Sorry, I could not process this button click 😕 Please send /start to get a new keyboard.';

test('arbitrarycallbackdatabot: presses grow the list, /clear invalidates, buttons survive a restart', async () => {
  const info = await emu.createBot({ username: 'seed_arbitrary_bot' });
  const alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
  const file = join(dir, 'arbitrarycallbackdatabot');

  const afterRestart = await running(buildApplication(info.token, emu.baseUrl, file), async () => {
    await alice.sendCommand(info, '/start');
    const menu = await alice.expectMessage({ text: 'Please choose:', timeoutMs: 5000 });
    const buttons = (menu.reply_markup?.inline_keyboard ?? []).flat();
    assert.deepEqual(
      buttons.map((b) => b.text),
      ['1', '2', '3', '4', '5'],
      'a column of five buttons',
    );
    for (const button of buttons) {
      const data = button.callback_data ?? '';
      assert.ok(data.length > 0 && Buffer.byteLength(data) <= 64, `Telegram sees a short id, got ${data}`);
    }

    await alice.clickButton(menu, '3', { timeoutMs: 5000 });
    await alice.expectEdit({ text: "So far you've selected [3]. Choose the next item:", timeoutMs: 5000 });
    await alice.clickButton(menu, '1', { timeoutMs: 5000 });
    await alice.expectEdit({ text: "So far you've selected [3, 1]. Choose the next item:", timeoutMs: 5000 });

    // /clear empties the cache: the keyboard on screen answers with the apology.
    await alice.sendCommand(info, '/clear');
    await alice.expectMessage({ text: 'All clear!', timeoutMs: 5000 });
    await alice.clickButton(menu, '2', { timeoutMs: 5000 });
    await alice.expectEdit({ text: SORRY, timeoutMs: 5000 });

    await alice.sendCommand(info, '/help');
    await alice.expectMessage({ text: /^Use \/start to test this bot\. Use \/clear/, timeoutMs: 5000 });

    // A keyboard that is still valid when the bot stops.
    await alice.sendCommand(info, '/start');
    const second = await alice.expectMessage({ text: 'Please choose:', timeoutMs: 5000 });
    await alice.clickButton(second, '5', { timeoutMs: 5000 });
    await alice.expectEdit({ text: "So far you've selected [5]. Choose the next item:", timeoutMs: 5000 });
    return second;
  });

  // A new process, the same persistence file: the buttons on screen still carry their data.
  await running(buildApplication(info.token, emu.baseUrl, file), async () => {
    await alice.clickButton(afterRestart, '4', { timeoutMs: 5000 });
    await alice.expectEdit({ text: "So far you've selected [5, 4]. Choose the next item:", timeoutMs: 5000 });
  });

  // Without the persistence, a restart loses the cache: the same kind of press is invalid.
  await running(buildApplication(info.token, emu.baseUrl), async () => {
    await alice.clickButton(afterRestart, '2', { timeoutMs: 5000 });
    await alice.expectEdit({ text: SORRY, timeoutMs: 5000 });
  });
});
