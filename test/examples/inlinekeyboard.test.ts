import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication } from '../../examples/inlinekeyboard.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

test('inlinekeyboard: /start shows three options, a press edits the message with the choice', async () => {
  const info = await emu.createBot({ username: 'seed_inlinekeyboard_bot' });
  const alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
  const app = buildApplication(info.token, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await alice.sendCommand(info, '/start');
    const menu = await alice.expectMessage({ text: 'Please choose:', timeoutMs: 5000 });
    assert.deepEqual(menu.reply_markup, {
      inline_keyboard: [
        [
          { text: 'Option 1', callback_data: '1' },
          { text: 'Option 2', callback_data: '2' },
        ],
        [{ text: 'Option 3', callback_data: '3' }],
      ],
    });

    const answer = await alice.clickButton(menu, 'Option 2', { timeoutMs: 5000 });
    assert.notEqual(answer, undefined, 'the bot answers the callback query');
    assert.equal(answer?.text, undefined, 'the answer carries no notification');
    const edited = await alice.expectEdit({ text: 'Selected option: 2', timeoutMs: 5000 });
    assert.equal(edited.message_id, menu.message_id, 'the menu message itself is edited');
    assert.equal(edited.reply_markup, undefined, 'editing the text without a markup drops the keyboard');

    await alice.sendCommand(info, '/help');
    await alice.expectMessage({ text: 'Use /start to test this bot.', timeoutMs: 5000 });

    // A second menu works independently of the first.
    await alice.sendCommand(info, '/start');
    const second = await alice.expectMessage({ text: 'Please choose:', timeoutMs: 5000 });
    assert.notEqual(second.message_id, menu.message_id);
    await alice.clickButton(second, { data: '3' }, { timeoutMs: 5000 });
    const secondEdit = await alice.expectEdit({ text: 'Selected option: 3', timeoutMs: 5000 });
    assert.equal(secondEdit.message_id, second.message_id);
  } finally {
    app.stopRunning();
    await running;
  }
});
