import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication } from '../../examples/echobot.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

test('echobot: /start greets with a mention, /help helps, text is echoed', async () => {
  const info = await emu.createBot({ username: 'seed_echo_bot' });
  const alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
  const app = buildApplication(info.token, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await alice.sendCommand(info, '/start');
    const greeting = await alice.expectMessage({ text: 'Hi Alice!', timeoutMs: 5000 });
    assert.deepEqual(greeting.entities, [
      {
        type: 'text_mention',
        offset: 3,
        length: 5,
        user: (greeting.entities as { user: unknown }[])[0]?.user,
      },
    ]);
    assert.equal((greeting.entities as { user: { id: number } }[])[0]?.user.id, alice.id);
    // Telegram (and the emulator) do not echo a ForceReply markup back in the sent message.

    await alice.sendCommand(info, '/help');
    await alice.expectMessage({ text: 'Help!', timeoutMs: 5000 });

    await alice.sendMessage(info, 'echo me');
    const echoed = await alice.expectMessage({ text: 'echo me', timeoutMs: 5000 });
    assert.equal(echoed.reply_to_message, undefined, 'private chats are not quoted by default (PTB v22)');

    await alice.sendCommand(info, '/unknown');
    await alice.expectNoMessage({ timeoutMs: 300 });
  } finally {
    app.stopRunning();
    await running;
  }
});
