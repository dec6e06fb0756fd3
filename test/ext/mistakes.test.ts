// What the framework does with a newcomer's mistakes: plain update JSON handed to processUpdate
// is parsed, not silently ignored; `/cmd@bot` before initialize() is reported, not silently
// unmatched; a base URL given as an origin works, and a wrong address or token is blamed correctly.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EndPointNotFound, InvalidArgumentError, InvalidToken } from '../../src/errors.js';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/index.js';
import { MalformedUpdateError } from '../../src/ext/errors.js';
import { CommandHandler } from '../../src/ext/handlers/command.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { PerChatUpdateProcessor } from '../../src/ext/processor.js';
import { Update } from '../../src/generated/types.js';
import { Emulator } from '../../src/testing/index.js';
import type { BotInfo } from '../../src/testing/users.js';
import { offlineApp, recordingLogger } from './helpers.js';

let nextId = 500;

/** The JSON of a private text message update whose text starts with a command, as Telegram sends it. */
function commandJson(text: string): Record<string, unknown> {
  const command = text.split(' ', 1)[0] as string;
  return {
    update_id: nextId++,
    message: {
      message_id: nextId,
      date: 1_700_000_000,
      chat: { id: 7, type: 'private', first_name: 'Alice' },
      from: { id: 7, is_bot: false, first_name: 'Alice' },
      text,
      entities: [{ type: 'bot_command', offset: 0, length: command.length }],
    },
  };
}

/** An application that records the updates its handlers see and the errors it routes. */
function recordingApp(app: Application) {
  const seen: Update[] = [];
  const errors: unknown[] = [];
  const errorUpdates: unknown[] = [];
  app.addHandler(new TypeHandler(Update, (update) => void seen.push(update)));
  app.addErrorHandler((update, context) => {
    errorUpdates.push(update);
    errors.push(context.error);
  });
  return { seen, errors, errorUpdates };
}

describe('Application.processUpdate with update JSON', () => {
  it('parses a plain update object with the application bot, as a custom webhook route hands it over', async () => {
    const app = offlineApp();
    const { seen, errors } = recordingApp(app);
    await app.processUpdate(commandJson('/help'));
    assert.deepEqual(errors, []);
    assert.equal(seen.length, 1);
    const update = seen[0] as Update;
    assert.ok(update instanceof Update, 'handlers see an Update');
    assert.equal(update.message?.text, '/help');
    assert.equal(update.message?.getBot(), app.bot, 'shortcuts work: the objects carry the bot');
  });

  it('takes an Update as it is', async () => {
    const app = offlineApp();
    const { seen } = recordingApp(app);
    const update = Update.fromJSON(commandJson('/help'), app.bot);
    await app.processUpdate(update);
    assert.equal(seen[0], update);
  });

  it('sends malformed update JSON to the error handlers, naming the field', async () => {
    const app = offlineApp();
    const { seen, errors, errorUpdates } = recordingApp(app);
    const json = { update_id: 9, message: { message_id: 1, date: 1_700_000_000, text: 'no chat' } };
    await app.processUpdate(json);
    assert.equal(seen.length, 0);
    assert.equal(errors.length, 1);
    const error = errors[0];
    assert.ok(error instanceof MalformedUpdateError, `a MalformedUpdateError, got ${String(error)}`);
    assert.match(error.path, /chat/);
    assert.equal(errorUpdates[0], json);
  });

  it('passes other plain objects on unchanged, for handlers of your own types', async () => {
    const app = offlineApp();
    const got: unknown[] = [];
    app.addHandler(new TypeHandler(Object, (value) => void got.push(value)));
    const custom = { user_id: 1, payload: 'from my own route' };
    await app.processUpdate(custom);
    assert.equal(got[0], custom);
  });
});

describe('CommandHandler before initialize()', () => {
  it('reports /start@name_bot through the error handlers, saying to call initialize()', async () => {
    const app = offlineApp();
    const calls: string[] = [];
    const errors: unknown[] = [];
    app.addHandler(new CommandHandler('start', () => void calls.push('start')));
    app.addErrorHandler((_update, context) => void errors.push(context.error));
    await app.processUpdate(commandJson('/start@name_bot'));
    assert.deepEqual(calls, []);
    assert.equal(errors.length, 1);
    const message = String((errors[0] as Error).message);
    assert.match(message, /'\/start@name_bot' is addressed to this bot: its username is not known yet/);
    assert.match(message, /Call `await app\.initialize\(\)` before processing updates yourself/);
  });

  it('without error handlers, the application logs it', async () => {
    const logger = recordingLogger();
    const app = offlineApp(logger);
    app.addHandler(new CommandHandler('start', () => undefined));
    await app.processUpdate(commandJson('/start@name_bot'));
    assert.equal(logger.errors.length, 1);
    const [, logged] = logger.errors[0] ?? [];
    assert.match(String((logged as Error | undefined)?.message), /initialize\(\)/);
  });

  it('commands without @username and handlers given { botUsername } need no initialize()', async () => {
    const app = offlineApp();
    const calls: string[] = [];
    app.addHandler(new CommandHandler('start', () => void calls.push('plain')));
    app.addHandler(new CommandHandler('help', () => void calls.push('named'), { botUsername: 'name_bot' }));
    const { errors } = recordingApp(app);
    await app.processUpdate(commandJson('/start x'));
    await app.processUpdate(commandJson('/help@name_bot'));
    assert.deepEqual(errors, []);
    assert.deepEqual(calls, ['plain', 'named']);
  });
});

describe('ApplicationBuilder mistakes', () => {
  it('.token(process.env.UNSET) says the token is missing, not that .token() was never called', () => {
    const unset = process.env.TTB_SURELY_UNSET_VARIABLE as string;
    assert.throws(
      () => Application.builder().token(unset).build(),
      (error: unknown) =>
        error instanceof InvalidToken &&
        /got undefined \(is the environment variable set\?\)/.test(error.message),
    );
    assert.throws(() => Application.builder().build(), /no bot token was set/);
  });

  it('a malformed baseUrl fails build() with the option named and the form to write', () => {
    assert.throws(
      () => Application.builder().token('123:abc').baseUrl('127.0.0.1:8081').build(),
      (error: unknown) =>
        error instanceof InvalidArgumentError &&
        error.parameter === 'baseUrl' &&
        /e\.g\. 'http:\/\/127\.0\.0\.1:8081\/bot'/.test(error.message),
    );
  });
});

describe('base URL and token against the emulator', () => {
  let emu: Emulator;
  let info: BotInfo;

  before(async () => {
    emu = await Emulator.start();
    info = await emu.createBot({ username: 'name_bot' });
  });

  after(async () => {
    await emu.stop();
  });

  it('update JSON put into the update queue is parsed first, so per-chat order holds for it', async () => {
    await using app = Application.builder()
      .token(info.token)
      .baseUrl(emu.origin)
      .updater(null)
      .concurrentUpdates(new PerChatUpdateProcessor(8))
      .build();
    const log: string[] = [];
    app.addHandler(
      new TypeHandler(Update, async (update) => {
        const text = update.message?.text ?? '';
        // The first update of chat 7 is slow: its second must still wait for it, chat 8 need not.
        if (text === '7a') await new Promise((resolve) => setTimeout(resolve, 30));
        log.push(text);
      }),
    );
    await app.initialize();
    await app.start();
    const json = (chatId: number, text: string) => {
      const update = commandJson(text);
      const message = update.message as Record<string, unknown>;
      return { ...update, message: { ...message, chat: { id: chatId, type: 'private', first_name: 'A' } } };
    };
    app.updateQueue.put(json(7, '7a'));
    app.updateQueue.put(json(7, '7b'));
    app.updateQueue.put(json(8, '8a'));
    await app.stop();
    assert.deepEqual(log, ['8a', '7a', '7b']);
  });

  it("baseUrl(emulator.origin) works: the origin gets Telegram's /bot path", async () => {
    await using app = Application.builder().token(info.token).baseUrl(emu.origin).updater(null).build();
    await app.initialize();
    assert.equal(app.bot.username, 'name_bot');
  });

  it("a base URL ending in '/bot/' works too", async () => {
    await using app = Application.builder()
      .token(info.token)
      .baseUrl(`${emu.baseUrl}/`)
      .updater(null)
      .build();
    await app.initialize();
    assert.equal(app.bot.username, 'name_bot');
  });

  it('after initialize(), /start@name_bot matches', async () => {
    await using app = Application.builder().token(info.token).baseUrl(emu.baseUrl).updater(null).build();
    const calls: string[] = [];
    app.addHandler(
      new CommandHandler('start', (_update, context) => void calls.push(...(context.args ?? []))),
    );
    await app.initialize();
    await app.processUpdate(commandJson('/start@name_bot go'));
    await app.processUpdate(commandJson('/start@other_bot no'));
    assert.deepEqual(calls, ['go']);
  });

  it('a wrong path is blamed on the base URL, not the token', async () => {
    const app = Application.builder()
      .token(info.token)
      .baseUrl(`${emu.origin}/api/bot`)
      .updater(null)
      .build();
    const error = await app.initialize().then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof EndPointNotFound, `an EndPointNotFound, got ${String(error)}`);
    assert.match(error.message, /^Not Found for getMe: .*Check the base URL: it ends in '\/bot'/);
    await app.shutdown();
  });

  it('a token the server does not know is InvalidToken', async () => {
    const app = Application.builder()
      .token('999:unknown_token_of_no_bot')
      .baseUrl(emu.baseUrl)
      .updater(null)
      .build();
    const error = await app.initialize().then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof InvalidToken, `an InvalidToken, got ${String(error)}`);
    assert.match(error.message, /^Unauthorized: the server refused the bot token/);
    await app.shutdown();
  });
});
