import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication } from '../../examples/inlinebot.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

test('inlinebot: /start and /help answer; an inline query gets Caps, Bold and Italic', async () => {
  const info = await emu.createBot({ username: 'seed_inline_bot' });
  const alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
  const bob = await emu.createUser({ firstName: 'Bob', username: 'bob' });
  const app = buildApplication(info.token, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await alice.sendCommand(info, '/start');
    await alice.expectMessage({ text: 'Hi!', timeoutMs: 5000 });
    await alice.sendCommand(info, '/help');
    await alice.expectMessage({ text: 'Help!', timeoutMs: 5000 });

    // Characters that mean something in HTML must come through as plain text.
    const query = 'Tom & <Jerry>';
    const answer = await alice.inlineQuery(info, query, { timeoutMs: 5000 });
    assert.ok(answer, 'the bot answers a non-empty inline query');
    assert.deepEqual(
      answer.results.map((result) => [result.type, result.title]),
      [
        ['article', 'Caps'],
        ['article', 'Bold'],
        ['article', 'Italic'],
      ],
    );
    assert.equal(new Set(answer.results.map((result) => result.id)).size, 3, 'result ids are distinct');
    assert.deepEqual(
      answer.results.map((result) => result.input_message_content),
      [
        { message_text: 'TOM & <JERRY>' },
        { message_text: '<b>Tom &amp; &lt;Jerry&gt;</b>', parse_mode: 'HTML' },
        { message_text: '<i>Tom &amp; &lt;Jerry&gt;</i>', parse_mode: 'HTML' },
      ],
    );

    // Picking a result posts it in a chat (here the bot's own chat) via the bot.
    const caps = answer.results[0]!;
    const capsMessage = await alice.chooseInlineResult(answer, caps.id);
    assert.equal(capsMessage.text, 'TOM & <JERRY>');
    assert.equal(capsMessage.entities, undefined);
    assert.equal((capsMessage.via_bot as { id: number } | undefined)?.id, info.id);
    const bold = await alice.chooseInlineResult(answer, answer.results[1]!.id);
    assert.equal(bold.text, 'Tom & <Jerry>');
    assert.deepEqual(bold.entities, [{ type: 'bold', offset: 0, length: 13 }]);

    // Another user gets results of their own, with new ids.
    const other = await bob.inlineQuery(info, 'hi', { timeoutMs: 5000 });
    assert.deepEqual(other?.results[0]?.input_message_content, { message_text: 'HI' });
    assert.ok(other?.results.every((result) => !answer.results.some((seen) => seen.id === result.id)));

    // An empty query is left unanswered.
    const empty = await alice.inlineQuery(info, '', { timeoutMs: 500 });
    assert.equal(empty, undefined);
  } finally {
    app.stopRunning();
    await running;
  }
});
