// A real third-party client against the emulator: a Telegraf 4.16 bot, written as a Telegraf user
// writes one, long-polls it while a simulated user talks to it. Telegraf sends what Telegram
// accepts but the current docs no longer list (poll options as plain strings, a quiz's
// correct_option_id, and in bots written for earlier 4.x releases reply_to_message_id and
// disable_web_page_preview), so this is where the emulator's leniency is held to Telegram's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Markup, Telegraf, type Types } from 'telegraf';
import { message } from 'telegraf/filters';
import { Emulator } from '../../src/testing/index.js';

/** A valid 1x1 PNG. */
const DOT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The extra parameters of a bot written for Telegraf before 4.16: its typings no longer list
 * `reply_to_message_id` and `disable_web_page_preview`, and Telegraf sends them unchanged.
 */
type OlderExtra = Types.ExtraReplyMessage & {
  reply_to_message_id?: number;
  disable_web_page_preview?: boolean;
};

test('a Telegraf bot runs against the emulator: polls, replies, previews, uploads, buttons', async () => {
  const emu = await Emulator.start();
  const info = await emu.createBot({ username: 'telegraf_bot' });
  const bot = new Telegraf(info.token, { telegram: { apiRoot: emu.origin } });
  bot.start((ctx) =>
    ctx.reply(
      `Welcome, ${ctx.from.first_name}!`,
      Markup.inlineKeyboard([Markup.button.callback('Ping', 'ping')]),
    ),
  );
  bot.action('ping', (ctx) => ctx.answerCbQuery('Pong!'));
  bot.command('poll', (ctx) =>
    ctx.replyWithPoll('Tea or coffee?', ['Tea', 'Coffee'], { is_anonymous: false }),
  );
  bot.command('quiz', (ctx) =>
    ctx.replyWithQuiz('2 + 2 = ?', ['3', '4', '5'], { correct_option_id: 1, is_anonymous: false }),
  );
  bot.on('poll_answer', (ctx) =>
    ctx.telegram.sendMessage(ctx.pollAnswer.user?.id ?? 0, `Voted ${ctx.pollAnswer.option_ids.join(',')}`),
  );
  bot.command('docs', (ctx) => {
    const extra: OlderExtra = { disable_web_page_preview: true };
    return ctx.reply('Docs: https://example.com/docs', extra);
  });
  bot.command('photo', (ctx) =>
    ctx.replyWithPhoto({ source: DOT_PNG, filename: 'dot.png' }, { caption: 'A dot' }),
  );
  bot.on(message('text'), (ctx) => {
    const extra: OlderExtra = { reply_to_message_id: ctx.message.message_id };
    return ctx.reply(`You said: ${ctx.message.text}`, extra);
  });
  bot.catch((error) => {
    throw error;
  });

  let started: () => void = () => {};
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const polling = bot.launch(() => started());
  try {
    await running;
    const alice = await emu.createUser({ firstName: 'Alice' });

    await alice.sendCommand(info, '/start');
    const welcome = await alice.expectMessage({ text: 'Welcome, Alice!', timeoutMs: 5000 });
    assert.deepEqual(await alice.clickButton(welcome, 'Ping', { timeoutMs: 5000 }), { text: 'Pong!' });

    await alice.sendCommand(info, '/poll');
    const poll = await alice.expectMessage({ timeoutMs: 5000 });
    const pollJson = poll.poll as { options: { text: string }[]; type: string };
    assert.deepEqual(
      pollJson.options.map((option) => option.text),
      ['Tea', 'Coffee'],
    );
    await alice.vote(poll, [1]);
    await alice.expectMessage({ text: 'Voted 1', timeoutMs: 5000 });

    await alice.sendCommand(info, '/quiz');
    const quiz = await alice.expectMessage({ timeoutMs: 5000 });
    const quizJson = quiz.poll as { type: string; correct_option_id?: number; correct_option_ids?: number[] };
    assert.equal(quizJson.type, 'quiz');
    assert.equal(quizJson.correct_option_id, 1);
    assert.deepEqual(quizJson.correct_option_ids, [1]);

    await alice.sendCommand(info, '/docs');
    const docs = await alice.expectMessage({ text: /^Docs:/, timeoutMs: 5000 });
    assert.deepEqual(docs.link_preview_options, { is_disabled: true });

    await alice.sendCommand(info, '/photo');
    const photo = await alice.expectMessage({ text: 'A dot', timeoutMs: 5000 });
    const sizes = photo.photo as { file_id: string }[] | undefined;
    assert.ok(sizes !== undefined && sizes.length > 0, 'the photo message has no photo sizes');
    const file = await bot.telegram.getFile(sizes.at(-1)?.file_id ?? '');
    const link = await bot.telegram.getFileLink(file);
    const downloaded = Buffer.from(await (await fetch(link)).arrayBuffer());
    assert.deepEqual(downloaded, DOT_PNG);

    const said = await alice.sendMessage(info, 'hello Telegraf');
    const echo = await alice.expectMessage({ text: 'You said: hello Telegraf', timeoutMs: 5000 });
    const repliedTo = echo.reply_to_message as { message_id: number } | undefined;
    assert.equal(repliedTo?.message_id, said.message_id);
  } finally {
    bot.stop('test over');
    await polling;
    await emu.stop();
  }
});
