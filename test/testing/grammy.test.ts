// A real third-party client against the emulator: a grammY bot long-polls it while a simulated
// user converses with it, presses its inline button and gets the callback answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bot } from 'grammy';
import { Emulator } from '../../src/testing/index.js';

test('a grammY bot runs against the emulator and converses with a simulated user', async () => {
  const emu = await Emulator.start();
  const info = await emu.createBot({ username: 'grammy_echo_bot' });
  const bot = new Bot(info.token, { client: { apiRoot: emu.origin } });
  bot.command('start', (ctx) =>
    ctx.reply(`Welcome, ${ctx.from?.first_name}!`, {
      reply_markup: { inline_keyboard: [[{ text: 'Ping', callback_data: 'ping' }]] },
    }),
  );
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: 'Pong!' }));
  bot.on('message:text', (ctx) => ctx.reply(`You said: ${ctx.message.text}`));
  let started: () => void = () => {};
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const polling = bot.start({ onStart: () => started() });
  try {
    await running;
    const alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendCommand(info, '/start');
    const welcome = await alice.expectMessage({ text: 'Welcome, Alice!', timeoutMs: 5000 });
    assert.deepEqual(await alice.clickButton(welcome, 'Ping', { timeoutMs: 5000 }), { text: 'Pong!' });
    await alice.sendMessage(info, 'hello grammY');
    await alice.expectMessage({ text: 'You said: hello grammY', timeoutMs: 5000 });
    const transcript = await emu.transcript(alice.chatWith(info));
    assert.deepEqual(transcript.lines(), [
      'Alice: /start',
      '@grammy_echo_bot: Welcome, Alice!',
      'Alice: hello grammY',
      '@grammy_echo_bot: You said: hello grammY',
    ]);
  } finally {
    await bot.stop();
    await polling;
    await emu.stop();
  }
});
