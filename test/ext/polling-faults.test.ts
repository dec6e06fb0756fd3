// Long polling against a misbehaving Bot API on loopback: answers that are not lists, flood
// control, hung polls, conflicts, unreadable items, and how fast a stop is while the server hangs.
// Every loop is bounded; call counts are taken in short windows to prove the loop never spins.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/builder.js';
import { Bot } from '../../src/bot.js';
import { Conflict, errorFromResponse, RetryAfter, TimedOut } from '../../src/errors.js';
import { MalformedUpdateError } from '../../src/ext/errors.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { InlineKeyboardMarkup, Update, WebhookInfo } from '../../src/generated/types.js';
import { type Exchange, FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';
import { recordingLogger } from './helpers.js';

const ME = { id: 123456789, is_bot: true, first_name: 'Fake', username: 'fake_bot' };

function textUpdate(id: number): Record<string, unknown> {
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 1_700_000_000,
      chat: { id: 5, type: 'private', first_name: 'A' },
      text: `t${id}`,
    },
  };
}

interface Poll {
  readonly at: number;
  readonly body: Record<string, unknown>;
}

/** What the fake answers to the n-th getUpdates call (0-based); `hang` never answers. */
type Answer = ((exchange: Exchange) => void) | 'hang';

let server: FakeApiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function fakeApi(answer: (call: number) => Answer): Promise<{ fake: FakeApiServer; polls: Poll[] }> {
  const polls: Poll[] = [];
  server = await FakeApiServer.start((exchange) => {
    const method = exchange.recorded.path.split('/').pop() ?? '';
    if (method === 'getMe') return exchange.json(200, { ok: true, result: ME });
    if (method !== 'getUpdates') return exchange.json(200, { ok: true, result: true });
    const raw = exchange.recorded.body?.toString() ?? '';
    polls.push({ at: Date.now(), body: raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>) });
    const next = answer(polls.length - 1);
    if (next !== 'hang') next(exchange);
  });
  return { fake: server, polls };
}

const ok = (result: unknown) => (exchange: Exchange) => exchange.json(200, { ok: true, result });
const empty = (exchange: Exchange) => {
  setTimeout(() => exchange.json(200, { ok: true, result: [] }), 20);
};

function appOn(fake: FakeApiServer, logger = recordingLogger()) {
  const app = Application.builder().token(FAKE_TOKEN).baseUrl(`${fake.origin}/bot`).logger(logger).build();
  const errors: unknown[] = [];
  app.addErrorHandler((update, context) => {
    assert.equal(update, null, 'polling errors come without an update');
    errors.push(context.error);
  });
  return { app, errors, logger };
}

async function until(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops runPolling and resolves to how long the stop took, in ms. */
async function stopTimed(app: Application, running: Promise<void>): Promise<number> {
  const started = Date.now();
  app.stopRunning();
  await running;
  return Date.now() - started;
}

function warningsMatching(logger: ReturnType<typeof recordingLogger>, pattern: RegExp): unknown[][] {
  return logger.warnings.filter((line) => pattern.test(String(line[0])));
}

describe('polling faults', () => {
  it('a result that is not a list backs off, is reported once per streak and never spins', async () => {
    const { fake, polls } = await fakeApi(() => ok({}));
    const { app, errors, logger } = appOn(fake);
    const running = app.runPolling({ timeout: 0, stopSignals: [] });
    await until(() => polls.length >= 1, 'the first poll');
    await pause(1200);
    const calls = polls.length;
    const stopTook = await stopTimed(app, running);
    // Default backoff: again after 1 s, then after 1.5 s more: at most 2 calls in 1.2 s.
    assert.ok(calls >= 2 && calls <= 3, `getUpdates was called ${calls} times in 1.2 s`);
    assert.ok(Number(polls[1]?.at) - Number(polls[0]?.at) >= 900, 'the retry waited the backoff');
    assert.equal(errors.length, 1, 'the error handlers hear of the streak once');
    const error = errors[0];
    assert.ok(error instanceof MalformedUpdateError, 'a MalformedUpdateError');
    assert.equal(error.path, 'getUpdates result');
    assert.equal(
      error.message,
      'Malformed update: getUpdates result must be an array of Update objects, got an object',
    );
    assert.equal(warningsMatching(logger, /getUpdates answered something other than a list/).length, 1);
    assert.ok(stopTook < 750, `stopping during the backoff took ${stopTook} ms`);
  });

  it('a new streak of bad results is reported again after a good answer', async () => {
    // {} {} {} [] {} {} then empty lists.
    const script = [ok({}), ok({}), ok({}), ok([]), ok({}), ok({})];
    const { fake, polls } = await fakeApi((call) => script[call] ?? empty);
    const { app, errors } = appOn(fake);
    const running = app.runPolling({ timeout: 0, stopSignals: [], maxRetryInterval: 0.02 });
    await until(() => polls.length >= 8, 'the scripted answers and two more');
    await stopTimed(app, running);
    assert.equal(errors.length, 2, 'one report per streak');
    assert.ok(
      errors.every((e) => e instanceof MalformedUpdateError),
      'both are MalformedUpdateErrors',
    );
  });

  it('a 429 is logged, reaches the error handlers and is waited out; a stop cuts the wait short', async () => {
    const flood = (exchange: Exchange) =>
      exchange.json(429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 30',
        parameters: { retry_after: 30 },
      });
    const { fake, polls } = await fakeApi((call) => (call === 0 ? flood : empty));
    const { app, errors, logger } = appOn(fake);
    const running = app.runPolling({ timeout: 0, stopSignals: [] });
    await until(() => errors.length === 1, 'the flood control report');
    await pause(300);
    assert.equal(polls.length, 1, 'no poll during the retry_after wait');
    const error = errors[0];
    assert.ok(error instanceof RetryAfter, 'a RetryAfter');
    assert.equal(error.retryAfter, 30);
    const lines = warningsMatching(logger, /getUpdates hit flood control: .*; polling again in 30\.5 s/);
    assert.equal(lines.length, 1, 'one log line for the 429');
    assert.equal(lines[0]?.length, 1, 'the line says what failed, without a stack to read through');
    const stopTook = await stopTimed(app, running);
    assert.ok(stopTook < 750, `stopping during the 30 s wait took ${stopTook} ms`);
  });

  it('a long poll that never gets an answer is abandoned, logged and reported, and retried without spinning', async () => {
    const { fake, polls } = await fakeApi(() => 'hang');
    const { app, errors, logger } = appOn(fake);
    const running = app.runPolling({ timeout: 0, stopSignals: [], stuckPollMargin: 0.2 });
    await until(() => errors.length >= 1, 'the stuck poll report');
    const error = errors[0];
    assert.ok(error instanceof TimedOut, 'a TimedOut');
    assert.match(error.message, /getUpdates got no answer within 0\.2 s/);
    assert.equal(warningsMatching(logger, /getUpdates timed out: .*; polling again in 0 s/).length, 1);
    // First retry at once (after 0.2 s), the next ones back off: 0.2 + 0.2 + 1 + 0.2 + ...
    await pause(1000);
    assert.ok(polls.length <= 4, `getUpdates was called ${polls.length} times in about 1.2 s`);
    assert.ok(errors.length >= 2, 'every abandoned poll is reported');
    const stopTook = await stopTimed(app, running);
    assert.ok(stopTook < 750, `stopping took ${stopTook} ms`);
  });

  it('a getUpdates that times out in the request layer is logged and reported too', async () => {
    const { fake } = await fakeApi(() => 'hang');
    const logger = recordingLogger();
    const app = Application.builder()
      .token(FAKE_TOKEN)
      .baseUrl(`${fake.origin}/bot`)
      .logger(logger)
      .getUpdatesReadTimeout(0.2)
      .build();
    const errors: unknown[] = [];
    app.addErrorHandler((_update, context) => {
      errors.push(context.error);
    });
    const running = app.runPolling({ timeout: 0, stopSignals: [] });
    await until(() => errors.length >= 1, 'the timeout report');
    await stopTimed(app, running);
    assert.ok(errors[0] instanceof TimedOut, 'a TimedOut');
    assert.ok(warningsMatching(logger, /getUpdates timed out/).length >= 1, 'the timeout was logged');
  });

  it('stopping while the server hangs is fast and skips the confirmation when nothing needs it', async () => {
    const { fake, polls } = await fakeApi(() => 'hang');
    const { app } = appOn(fake);
    const running = app.runPolling({ stopSignals: [] });
    await until(() => polls.length === 1, 'the long poll');
    const stopTook = await stopTimed(app, running);
    assert.ok(stopTook < 750, `stopping took ${stopTook} ms`);
    assert.equal(polls.length, 1, 'no confirming call: no update was handled');
  });

  it('stopping while the server hangs confirms handled updates with a short call', async () => {
    const { fake, polls } = await fakeApi((call) => (call === 0 ? ok([textUpdate(41)]) : 'hang'));
    const { app } = appOn(fake);
    const texts: string[] = [];
    app.addHandler(new TypeHandler(Update, (u) => void texts.push(u.message?.text ?? '')));
    const running = app.runPolling({ stopSignals: [] });
    await until(() => polls.length === 2, 'the poll after the batch');
    const stopTook = await stopTimed(app, running);
    assert.deepEqual(texts, ['t41']);
    assert.ok(stopTook < 1200, `stopping took ${stopTook} ms`);
    assert.equal(polls.length, 3, 'one confirming call');
    assert.deepEqual(polls[2]?.body, { offset: 42, timeout: 0, limit: 1 });
  });

  it('a stop confirms nothing when Telegram already answered a poll with the offset', async () => {
    const { fake, polls } = await fakeApi((call) =>
      call === 0 ? ok([textUpdate(7)]) : call === 1 ? ok([]) : 'hang',
    );
    const { app } = appOn(fake);
    const running = app.runPolling({ stopSignals: [] });
    await until(() => polls.length === 3, 'the third poll');
    const stopTook = await stopTimed(app, running);
    assert.ok(stopTook < 750, `stopping took ${stopTook} ms`);
    assert.equal(polls.length, 3, 'no confirming call');
    assert.equal(polls[1]?.body.offset, 8);
  });

  it('a 409 says Conflict once, with what to do', async () => {
    const conflict = (exchange: Exchange) =>
      exchange.json(409, {
        ok: false,
        error_code: 409,
        description:
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      });
    const { fake, polls } = await fakeApi((call) => (call === 0 ? conflict : empty));
    const { app, errors } = appOn(fake);
    const running = app.runPolling({ timeout: 0, stopSignals: [], maxRetryInterval: 0.02 });
    await until(() => errors.length === 1 && polls.length >= 2, 'the conflict and a retry');
    await stopTimed(app, running);
    const error = errors[0];
    assert.ok(error instanceof Conflict, 'a Conflict');
    const text = String(error);
    assert.equal(text.match(/conflict/gi)?.length, 1, `"Conflict" said once: ${text}`);
    assert.equal(
      text,
      'Conflict: Another getUpdates request or a webhook is active for this bot: stop the other instance, or remove its webhook with deleteWebhook (Telegram: terminated by other getUpdates request; make sure that only one bot instance is running)',
    );
    assert.equal(error.errorCode, 409);
  });

  it('a 409 outside polling drops the repeated prefix too', () => {
    const error = errorFromResponse({
      method: 'getUpdates',
      errorCode: 409,
      description:
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    assert.equal(
      String(error),
      "Conflict: Can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
    assert.equal(error.description?.startsWith('Conflict: '), true, 'the raw description is kept');
  });

  it('an item that is an array names its place and what was expected, and does not spin', async () => {
    const { fake, polls } = await fakeApi(() => ok([[1]]));
    const { app, errors } = appOn(fake);
    const running = app.runPolling({ timeout: 0, stopSignals: [] });
    await until(() => errors.length >= 1, 'the malformed item report');
    await pause(500);
    const calls = polls.length;
    await stopTimed(app, running);
    const error = errors[0];
    assert.ok(error instanceof MalformedUpdateError, 'a MalformedUpdateError');
    assert.equal(
      error.message,
      'Malformed update: getUpdates result[0] must be an Update object, got an array',
    );
    assert.equal(error.path, 'Update', 'the path names the type, as for webhook bodies');
    assert.ok(calls <= 2, `getUpdates was called ${calls} times in 0.5 s`);
  });

  it('an API result array holding an array names the element and its type', async () => {
    const { fake } = await fakeApi(() => ok([]));
    server?.setHandler((exchange) => exchange.json(200, { ok: true, result: [[1]] }));
    const bot = new Bot(FAKE_TOKEN, { baseUrl: `${fake.origin}/bot` });
    await assert.rejects(bot.getChatAdministrators(5), {
      message: 'result[0] must be a ChatMember object, got an array',
    });
    await assert.rejects(bot.getUpdates(), { message: 'result[0] must be an Update object, got an array' });
  });

  it('elements of nested and primitive arrays are named by their index', () => {
    const keyboard = (rows: unknown) => () =>
      InlineKeyboardMarkup.fromJSON({ inline_keyboard: rows }).inline_keyboard;
    assert.throws(keyboard([[{ text: 'a', callback_data: 'a' }], [{ text: 'b', callback_data: 'b' }, [1]]]), {
      message: 'InlineKeyboardMarkup.inline_keyboard[1][1] must be an object, got an array',
    });
    assert.throws(keyboard([[{ text: 'a', callback_data: 'a' }], 5]), {
      message: 'InlineKeyboardMarkup.inline_keyboard[1] must be an array, got number 5',
    });
    const info = {
      url: '',
      has_custom_certificate: false,
      pending_update_count: 0,
      allowed_updates: ['message', 3],
    };
    assert.throws(() => WebhookInfo.fromJSON(info).allowed_updates, {
      message: 'WebhookInfo.allowed_updates[1] must be a string, got number 3',
    });
    assert.throws(keyboard([[{ text: 'a', callback_data: 7 }]]), {
      message: 'InlineKeyboardButton.callback_data must be a string, got number 7',
    });
  });
});
