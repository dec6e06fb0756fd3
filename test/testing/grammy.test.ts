// A real third-party client against the emulator: a grammY bot long-polls it while a simulated
// user converses with it. grammY is a test-only dependency; without it installed the test is
// skipped with a message saying so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Emulator } from '../../src/testing/index.js';

/** The few pieces of grammY's surface this test uses. */
interface GrammyContext {
  readonly from?: { first_name: string };
  readonly message?: { text?: string };
  reply(text: string, other?: object): Promise<unknown>;
  answerCallbackQuery(other?: object): Promise<unknown>;
}
interface GrammyBot {
  command(name: string, handler: (ctx: GrammyContext) => Promise<unknown>): void;
  on(filter: string, handler: (ctx: GrammyContext) => Promise<unknown>): void;
  start(options?: object): Promise<void>;
  stop(): Promise<void>;
}
interface GrammyModule {
  Bot: new (token: string, config: object) => GrammyBot;
}

async function loadGrammy(): Promise<GrammyModule | undefined> {
  const name = 'grammy';
  try {
    return (await import(name)) as GrammyModule;
  } catch {
    return undefined;
  }
}

const grammy = await loadGrammy();

test('a grammY bot runs against the emulator and converses with a simulated user', {
  skip: grammy === undefined ? 'grammy is not installed (a dev dependency of this test)' : false,
}, async () => {
  assert.ok(grammy);
  const emu = await Emulator.start();
  const info = await emu.createBot({ username: 'grammy_echo_bot' });
  const bot = new grammy.Bot(info.token, { client: { apiRoot: emu.origin } });
  bot.command('start', (ctx) =>
    ctx.reply(`Welcome, ${ctx.from?.first_name}!`, {
      reply_markup: { inline_keyboard: [[{ text: 'Ping', callback_data: 'ping' }]] },
    }),
  );
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: 'Pong!' }));
  bot.on('message:text', (ctx) => ctx.reply(`You said: ${ctx.message?.text}`));
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
