import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication, ChatData } from '../../examples/contexttypesbot.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

test('contexttypesbot: clicks are counted per message in custom chat data, users are tracked', async () => {
  const info = await emu.createBot({ username: 'seed_context_bot' });
  const alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
  const bob = await emu.createUser({ firstName: 'Bob', username: 'bob' });
  const app = buildApplication(info.token, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await alice.sendCommand(info, '/start');
    const first = await alice.expectMessage({ text: 'This button was clicked 0 times.', timeoutMs: 5000 });
    assert.deepEqual(first.entities, [{ type: 'italic', offset: 24, length: 1 }]);

    assert.deepEqual(await alice.clickButton(first, 'Click me!', { timeoutMs: 3000 }), {});
    const once = await alice.expectEdit({ text: 'This button was clicked 1 times.', timeoutMs: 5000 });
    assert.equal(once.message_id, first.message_id);
    assert.equal(once.reply_markup?.inline_keyboard[0]?.[0]?.callback_data, 'button');
    await alice.clickButton(first, 'Click me!', { timeoutMs: 3000 });
    await alice.expectEdit({ text: 'This button was clicked 2 times.', timeoutMs: 5000 });

    // A second message counts on its own.
    await alice.sendCommand(info, '/start');
    const second = await alice.expectMessage({ text: 'This button was clicked 0 times.', timeoutMs: 5000 });
    await alice.clickButton(second, 'Click me!', { timeoutMs: 3000 });
    await alice.expectEdit({ text: 'This button was clicked 1 times.', timeoutMs: 5000 });
    await alice.clickButton(first, 'Click me!', { timeoutMs: 3000 });
    await alice.expectEdit({ text: 'This button was clicked 3 times.', timeoutMs: 5000 });

    const chatData = app.chatData.get(alice.id);
    assert.ok(chatData instanceof ChatData);
    assert.deepEqual(
      [...chatData.clicksPerMessage],
      [
        [first.message_id, 3],
        [second.message_id, 1],
      ],
    );

    // Bob only sends a command no handler of group 0 takes; group -1 still records him.
    await bob.sendCommand(info, '/nothing');
    await bob.expectNoMessage({ timeoutMs: 300 });
    await alice.sendCommand(info, '/print_users');
    await alice.expectMessage({
      text: `The following user IDs have used this bot: ${alice.id}, ${bob.id}`,
      timeoutMs: 5000,
    });
  } finally {
    app.stopRunning();
    await running;
  }
});
