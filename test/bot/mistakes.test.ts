// Mistakes a newcomer makes when creating a Bot or calling a method: each one gets an error that
// says what is wrong and what to write instead, before anything is sent, and never echoes the token.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Bot, InvalidArgumentError, InvalidToken } from '../../src/index.js';
import { FAKE_TOKEN } from '../helpers/fake-api-server.js';

const SECRET = FAKE_TOKEN.slice(FAKE_TOKEN.indexOf(':') + 1);

/** Runs `make`, which must throw an InvalidArgumentError naming `parameter`, and returns its message. */
function argumentError(make: () => unknown, parameter: string): string {
  try {
    make();
  } catch (error) {
    assert.ok(error instanceof InvalidArgumentError, `an InvalidArgumentError, got ${String(error)}`);
    assert.equal(error.parameter, parameter);
    assert.ok(!error.message.includes(SECRET), `the token is not repeated: ${error.message}`);
    return error.message;
  }
  assert.fail('expected an error');
}

/** The message of the InvalidToken that `new Bot(token)` throws; the token is never in it. */
function tokenError(token: unknown): string {
  try {
    new Bot(token as string);
  } catch (error) {
    assert.ok(error instanceof InvalidToken, `an InvalidToken, got ${String(error)}`);
    if (typeof token === 'string' && token.length > 8) {
      assert.ok(!error.message.includes(token.trim()), 'the token is not repeated');
    }
    return error.message;
  }
  assert.fail('expected an error');
}

describe('Bot base URLs', () => {
  test("an origin alone gets Telegram's path, as grammY's and Telegraf's apiRoot", () => {
    const bot = new Bot(FAKE_TOKEN, {
      baseUrl: 'http://127.0.0.1:8081',
      baseFileUrl: 'http://127.0.0.1:8081/',
    });
    assert.equal(bot.baseUrl, `http://127.0.0.1:8081/bot${FAKE_TOKEN}`);
    assert.equal(bot.baseFileUrl, `http://127.0.0.1:8081/file/bot${FAKE_TOKEN}`);
  });

  test("'.../bot/' loses the slash that would stand between 'bot' and the token", () => {
    const bot = new Bot(FAKE_TOKEN, {
      baseUrl: 'http://127.0.0.1:8081/bot/',
      baseFileUrl: 'http://127.0.0.1:8081/file/bot/',
    });
    assert.equal(bot.baseUrl, `http://127.0.0.1:8081/bot${FAKE_TOKEN}`);
    assert.equal(bot.baseFileUrl, `http://127.0.0.1:8081/file/bot${FAKE_TOKEN}`);
  });

  test('other paths are kept as given, for servers with their own layout', () => {
    assert.equal(
      new Bot(FAKE_TOKEN, { baseUrl: 'https://proxy.example/telegram/' }).baseUrl,
      `https://proxy.example/telegram/${FAKE_TOKEN}`,
    );
    assert.equal(
      new Bot(FAKE_TOKEN, { baseUrl: 'http://h:81/custom/bot' }).baseUrl,
      `http://h:81/custom/bot${FAKE_TOKEN}`,
    );
  });

  test('a URL without a scheme names the option and shows the form to write', () => {
    const invalid = argumentError(() => new Bot(FAKE_TOKEN, { baseUrl: '127.0.0.1:8081/bot' }), 'baseUrl');
    assert.match(invalid, /^baseUrl is not a valid URL: '127\.0\.0\.1:8081\/bot'/);
    assert.match(invalid, /e\.g\. 'http:\/\/127\.0\.0\.1:8081\/bot'/);
    const scheme = argumentError(() => new Bot(FAKE_TOKEN, { baseUrl: 'localhost:8081/bot' }), 'baseUrl');
    assert.match(scheme, /^baseUrl must start with http:\/\/ or https:\/\/, got 'localhost:8081\/bot'/);
    const file = argumentError(() => new Bot(FAKE_TOKEN, { baseFileUrl: 'ftp://files/x' }), 'baseFileUrl');
    assert.match(file, /e\.g\. 'http:\/\/127\.0\.0\.1:8081\/file\/bot'/);
  });

  test('a template or function that makes no URL is refused without showing the token', () => {
    const made = argumentError(
      () => new Bot(FAKE_TOKEN, { baseUrl: (token) => `not a url ${token}` }),
      'baseUrl',
    );
    assert.match(made, /is not a valid URL: 'not a url <token>'/);
    argumentError(() => new Bot(FAKE_TOKEN, { baseUrl: 'http://h:99999/bot{token}' }), 'baseUrl');
  });

  test('a base URL that already holds the token says to leave it out', () => {
    const message = argumentError(
      () => new Bot(FAKE_TOKEN, { baseUrl: `https://api.telegram.org/bot${FAKE_TOKEN}` }),
      'baseUrl',
    );
    assert.match(message, /contains the bot token, which is appended to it; leave the token out/);
  });
});

describe('Bot tokens', () => {
  test('a missing token points at the environment variable', () => {
    assert.match(
      tokenError(undefined),
      /You must pass the token you received from @BotFather; got undefined \(is the environment variable set\?\)/,
    );
    assert.match(tokenError(''), /got an empty string/);
    assert.match(tokenError(123), /must be a string, got number/);
  });

  test('spaces or a line break around the token are named', () => {
    assert.match(tokenError(`${FAKE_TOKEN}\n`), /malformed.*spaces or a line break around it: trim it/);
    assert.match(tokenError(` ${FAKE_TOKEN}`), /trim it/);
  });

  test("a token copied with the URL's 'bot' in front says so", () => {
    assert.match(tokenError(`bot${FAKE_TOKEN}`), /starts with 'bot', which belongs to the URL: leave it out/);
  });

  test('other malformed tokens get the general message', () => {
    assert.equal(
      tokenError('not a token with spaces'),
      'The token is malformed: expected digits, a colon and letters (as @BotFather gives it)',
    );
  });
});

describe('required parameters passed as one object', () => {
  const bot = new Bot(FAKE_TOKEN);
  /** Calls a Bot method with arguments its types would refuse, as plain JavaScript can. */
  const call = (method: string, ...args: unknown[]): Promise<unknown> =>
    (bot as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method]?.apply(bot, args) ??
    assert.fail(`no method ${method}`);

  async function argumentRejection(call: () => Promise<unknown>): Promise<InvalidArgumentError> {
    const error = await call().then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof InvalidArgumentError, `an InvalidArgumentError, got ${String(error)}`);
    return error;
  }

  test("bot.sendMessage({ chat_id, text }) shows the positional form (grammY's and Telegraf's object form)", async () => {
    const error = await argumentRejection(() => call('sendMessage', { chat_id: 1, text: 'hi' }));
    assert.equal(
      error.message,
      "sendMessage takes its required parameters in order, not in one object: bot.sendMessage(chat_id, text, options); it got an object in place of 'chat_id'",
    );
    assert.equal(error.method, 'sendMessage');
  });

  test('an object in the place of a later parameter or of a mistyped one is recognised too', async () => {
    const options = await argumentRejection(() => call('sendMessage', 1, { text: 'hi', parse_mode: 'HTML' }));
    assert.match(
      options.message,
      /bot\.sendMessage\(chat_id, text, options\); it got an object in place of 'text'$/,
    );
    const typed = await argumentRejection(() =>
      call('answerCallbackQuery', { callback_query_id: 'q', text: 'done' }),
    );
    assert.match(
      typed.message,
      /^answerCallbackQuery takes its required parameters in order, not in one object: bot\.answerCallbackQuery\(callback_query_id, options\)/,
    );
    const onlyRequired = await argumentRejection(() => call('getChat', { chat_id: 5 }));
    assert.match(onlyRequired.message, /bot\.getChat\(chat_id\);/);
  });

  test('other mistakes keep their own messages', async () => {
    const missing = await argumentRejection(() => call('sendMessage', 1));
    assert.equal(missing.message, "sendMessage: the required parameter 'text' is missing");
    const wrongType = await argumentRejection(() => call('sendMessage', 1, 5));
    assert.equal(wrongType.message, "sendMessage: 'text' must be String, got number");
    const unrelated = await argumentRejection(() => call('sendMessage', { id: 1 }, 'x'));
    assert.match(unrelated.message, /^sendMessage: 'chat_id' must be/);
  });
});
