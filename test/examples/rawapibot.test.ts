import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { run } from '../../examples/rawapibot.js';
import { Bot } from '../../src/index.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

test('rawapibot echoes text messages as replies and skips other updates', async () => {
  const info = await emu.createBot({ username: 'raw_echo_bot' });
  const alice = await emu.createUser({ firstName: 'Alice' });
  const bot = new Bot(info.token, { baseUrl: emu.baseUrl });
  const stop = new AbortController();
  const loop = run(bot, stop.signal, 1);
  try {
    await alice.sendLocation(info, 51.5, -0.12);
    const sent = await alice.sendMessage(info, 'hello there');
    const reply = await alice.expectMessage({ text: 'hello there', timeoutMs: 5000 });
    assert.equal(
      (reply.reply_to_message as { message_id?: number } | undefined)?.message_id,
      sent.message_id,
    );
    await alice.sendMessage(info, 'second');
    await alice.expectMessage({ text: 'second', timeoutMs: 5000 });
  } finally {
    stop.abort();
    await loop;
    await bot.shutdown();
  }
  const transcript = await emu.transcript(alice.chatWith(info));
  const fromBot = transcript.entries.filter((e) => e.from_bot && e.kind === 'message');
  assert.deepEqual(
    fromBot.map((e) => e.message?.text),
    ['hello there', 'second'],
  );
});
