// A real third-party client against the emulator: a grammY bot long-polls it while a simulated
// user converses with it, presses its inline button and gets the callback answer; a second bot
// sends polls and a quiz, replies with reply_parameters, disables link previews and uploads a photo.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bot, InputFile } from 'grammy';
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

/** A valid 1x1 PNG. */
const DOT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test('a grammY bot sends polls, replies, link previews and an upload the emulator keeps', async () => {
  const emu = await Emulator.start();
  const info = await emu.createBot({ username: 'grammy_media_bot' });
  const bot = new Bot(info.token, { client: { apiRoot: emu.origin } });
  bot.command('poll', (ctx) =>
    ctx.replyWithPoll('Tea or coffee?', ['Tea', { text: 'Coffee' }], { is_anonymous: false }),
  );
  bot.command('quiz', (ctx) =>
    ctx.replyWithPoll('2 + 2 = ?', ['3', '4'], {
      type: 'quiz',
      correct_option_ids: [1],
      is_anonymous: false,
    }),
  );
  bot.on('poll_answer', (ctx) =>
    ctx.api.sendMessage(ctx.pollAnswer.user?.id ?? 0, `Voted ${ctx.pollAnswer.option_ids.join(',')}`),
  );
  bot.command('docs', (ctx) =>
    ctx.reply('Docs: https://example.com/docs', { link_preview_options: { is_disabled: true } }),
  );
  bot.command('photo', (ctx) => ctx.replyWithPhoto(new InputFile(DOT_PNG, 'dot.png'), { caption: 'A dot' }));
  bot.on('message:text', (ctx) =>
    ctx.reply(`You said: ${ctx.message.text}`, { reply_parameters: { message_id: ctx.message.message_id } }),
  );
  let started: () => void = () => {};
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const polling = bot.start({ onStart: () => started() });
  try {
    await running;
    const alice = await emu.createUser({ firstName: 'Alice' });

    await alice.sendCommand(info, '/poll');
    const poll = await alice.expectMessage({ timeoutMs: 5000 });
    const pollJson = poll.poll as { options: { text: string }[] };
    assert.deepEqual(
      pollJson.options.map((option) => option.text),
      ['Tea', 'Coffee'],
    );
    await alice.vote(poll, [0]);
    await alice.expectMessage({ text: 'Voted 0', timeoutMs: 5000 });

    await alice.sendCommand(info, '/quiz');
    const quiz = await alice.expectMessage({ timeoutMs: 5000 });
    const quizJson = quiz.poll as { type: string; correct_option_id?: number; correct_option_ids?: number[] };
    assert.equal(quizJson.type, 'quiz');
    assert.deepEqual(quizJson.correct_option_ids, [1]);
    assert.equal(quizJson.correct_option_id, 1);

    await alice.sendCommand(info, '/docs');
    const docs = await alice.expectMessage({ text: /^Docs:/, timeoutMs: 5000 });
    assert.deepEqual(docs.link_preview_options, { is_disabled: true });

    await alice.sendCommand(info, '/photo');
    const photo = await alice.expectMessage({ text: 'A dot', timeoutMs: 5000 });
    const sizes = photo.photo as { file_id: string }[] | undefined;
    assert.ok(sizes !== undefined && sizes.length > 0, 'the photo message has no photo sizes');
    const file = await bot.api.getFile(sizes.at(-1)?.file_id ?? '');
    const download = await fetch(`${emu.origin}/file/bot${info.token}/${file.file_path}`);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), DOT_PNG);

    const said = await alice.sendMessage(info, 'hello again');
    const echo = await alice.expectMessage({ text: 'You said: hello again', timeoutMs: 5000 });
    assert.equal((echo.reply_to_message as { message_id: number } | undefined)?.message_id, said.message_id);
  } finally {
    await bot.stop();
    await polling;
    await emu.stop();
  }
});
