// The polling loop against a scripted loopback server: malformed updates, errors and backoff,
// RetryAfter, Conflict, InvalidToken, stuck long polls, bootstrap retries, offset confirmation.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/builder.js';
import { Bot } from '../../src/bot.js';
import { Conflict, InvalidToken, RetryAfter } from '../../src/errors.js';
import { MalformedUpdateError } from '../../src/ext/errors.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { UpdateQueue } from '../../src/ext/updater/update-queue.js';
import { Updater } from '../../src/ext/updater/updater.js';
import { Update } from '../../src/generated/types.js';
import { type Exchange, FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';
import { recordingLogger } from './helpers.js';

const ME = { id: 123456789, is_bot: true, first_name: 'Fake', username: 'fake_bot' };

function textUpdate(id: number, text = `t${id}`): Record<string, unknown> {
  return {
    update_id: id,
    message: { message_id: id, date: 1_700_000_000, chat: { id: 5, type: 'private', first_name: 'A' }, text },
  };
}

interface Script {
  /** Answers getUpdates calls in order; afterwards, an empty list after a short pause. */
  readonly polls: Array<(exchange: Exchange) => void>;
  deleteWebhook?: (exchange: Exchange) => void;
}

function methodOf(exchange: Exchange): string {
  return exchange.recorded.path.split('/').pop() ?? '';
}

function bodyOf(exchange: Exchange): Record<string, unknown> {
  const raw = exchange.recorded.body?.toString() ?? '';
  return raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
}

let server: FakeApiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function scripted(
  script: Script,
): Promise<{ server: FakeApiServer; polls: Array<Record<string, unknown>> }> {
  const polls: Array<Record<string, unknown>> = [];
  server = await FakeApiServer.start((exchange) => {
    const method = methodOf(exchange);
    if (method === 'getMe') return exchange.json(200, { ok: true, result: ME });
    if (method === 'deleteWebhook') {
      if (script.deleteWebhook) return script.deleteWebhook(exchange);
      return exchange.json(200, { ok: true, result: true });
    }
    if (method === 'getUpdates') {
      polls.push({ ...bodyOf(exchange), at: Date.now() });
      const next = script.polls.shift();
      if (next) return next(exchange);
      setTimeout(() => exchange.json(200, { ok: true, result: [] }), 20);
      return;
    }
    exchange.json(200, { ok: true, result: true });
  });
  return { server, polls };
}

function ok(result: unknown) {
  return (exchange: Exchange) => exchange.json(200, { ok: true, result });
}

function fail(status: number, description: string, parameters?: Record<string, unknown>) {
  return (exchange: Exchange) =>
    exchange.json(status, {
      ok: false,
      error_code: status,
      description,
      ...(parameters ? { parameters } : {}),
    });
}

function appOn(fake: FakeApiServer) {
  return Application.builder()
    .token(FAKE_TOKEN)
    .baseUrl(`${fake.origin}/bot`)
    .logger(recordingLogger())
    .build();
}

async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Updater', () => {
  it('malformed updates reach the error handlers naming the field; later updates flow; the offset moves past them', async () => {
    const { server: fake, polls } = await scripted({
      polls: [
        ok([
          textUpdate(10),
          { update_id: 11, message: { message_id: 1, date: 1, text: 'no chat' } },
          { update_id: 12, message: 'junk' },
          'not even an object',
          textUpdate(13),
        ]),
      ],
    });
    const app = appOn(fake);
    const texts: string[] = [];
    const errors: unknown[] = [];
    app.addHandler(new TypeHandler(Update, (u) => void texts.push(u.message?.text ?? '')));
    app.addErrorHandler((_update, context) => {
      errors.push(context.error);
    });
    const running = app.runPolling({ timeout: 0, stopSignals: [] });
    await until(
      () => texts.length === 2 && errors.length === 3 && polls.length >= 2,
      'both updates and errors',
    );
    app.stopRunning();
    await running;
    assert.deepEqual(texts, ['t10', 't13']);
    assert.ok(errors.every((e) => e instanceof MalformedUpdateError));
    const [missing, junk, notObject] = errors as MalformedUpdateError[];
    assert.equal(missing?.path, 'Message.chat');
    assert.equal(missing?.updateId, 11);
    assert.equal(junk?.path, 'Update.message');
    assert.equal(notObject?.updateId, undefined);
    assert.equal(polls[1]?.offset, 14);
    assert.equal(polls.at(-1)?.offset, 14, 'the last call Telegram got carries the offset past the batch');
  });

  it('network errors and conflicts are reported and retried with backoff; RetryAfter is waited out', async () => {
    const { server: fake, polls } = await scripted({
      polls: [
        fail(502, 'Bad Gateway'),
        fail(409, 'Conflict: terminated by other getUpdates request'),
        fail(429, 'Too Many Requests: retry after 1', { retry_after: 1 }),
        ok([textUpdate(1)]),
      ],
    });
    const app = appOn(fake);
    const errors: unknown[] = [];
    const texts: string[] = [];
    app.addHandler(new TypeHandler(Update, (u) => void texts.push(u.message?.text ?? '')));
    app.addErrorHandler((update, context) => {
      assert.equal(update, null);
      errors.push(context.error);
    });
    const running = app.runPolling({ timeout: 0, stopSignals: [], maxRetryInterval: 0.02 });
    await until(() => texts.length === 1, 'the update after the errors');
    app.stopRunning();
    await running;
    assert.equal(
      errors.length,
      3,
      'the gateway error, the conflict and the flood control reach the handlers',
    );
    assert.ok(errors[1] instanceof Conflict, 'the 409 is a Conflict');
    assert.match(String((errors[1] as Error).message), /another getUpdates request or a webhook/i);
    assert.ok(errors[2] instanceof RetryAfter, 'the 429 is a RetryAfter');
    assert.ok(polls.length >= 4);
    assert.ok(Number(polls[3]?.at) - Number(polls[2]?.at) >= 1000, 'retry_after was respected');
  });

  it('an invalid token ends runPolling with InvalidToken', async () => {
    const { server: fake } = await scripted({ polls: [fail(401, 'Unauthorized')] });
    const app = appOn(fake);
    await assert.rejects(app.runPolling({ timeout: 0, stopSignals: [] }), InvalidToken);
    assert.equal(app.running, false);
    assert.equal(app.initialized, false);
  });

  it('a long poll with no answer is aborted and retried', async () => {
    const { server: fake, polls } = await scripted({
      polls: [
        () => {
          /* never answers */
        },
        ok([textUpdate(7)]),
      ],
    });
    const app = appOn(fake);
    const texts: string[] = [];
    app.addHandler(new TypeHandler(Update, (u) => void texts.push(u.message?.text ?? '')));
    const running = app.runPolling({ timeout: 0, stopSignals: [], stuckPollMargin: 0.2 });
    await until(() => texts.length === 1, 'the update after the stuck poll');
    app.stopRunning();
    await running;
    assert.deepEqual(texts, ['t7']);
    assert.ok(polls.length >= 2);
  });

  it('bootstrap retries deleteWebhook up to bootstrapRetries times', async () => {
    let failures = 2;
    const { server: fake } = await scripted({
      polls: [],
      deleteWebhook: (exchange) => {
        if (failures-- > 0) return fail(500, 'Internal Server Error')(exchange);
        exchange.json(200, { ok: true, result: true });
      },
    });
    const bot = new Bot(FAKE_TOKEN, { baseUrl: `${fake.origin}/bot` });
    const updater = new Updater(bot, new UpdateQueue(), { logger: recordingLogger() });
    await updater.initialize();
    await assert.rejects(updater.startPolling({ bootstrapRetries: 1, maxRetryInterval: 0.01 }));
    assert.equal(updater.running, false);
    failures = 2;
    await updater.startPolling({
      bootstrapRetries: 2,
      maxRetryInterval: 0.01,
      timeout: 0,
      dropPendingUpdates: true,
    });
    assert.equal(updater.running, true);
    await updater.stop();
    await updater.shutdown();
    const drops = fake.requests
      .filter((r) => r.path.endsWith('/deleteWebhook'))
      .map((r) => JSON.parse(String(r.body)));
    assert.equal(drops.at(-1)?.drop_pending_updates, true);
  });

  it('standalone: updates land in the queue; allowed_updates is sent on the first poll', async () => {
    const { server: fake, polls } = await scripted({ polls: [ok([textUpdate(3)])] });
    const bot = new Bot(FAKE_TOKEN, { baseUrl: `${fake.origin}/bot` });
    const queue = new UpdateQueue();
    await using updater = new Updater(bot, queue);
    await updater.initialize();
    await updater.startPolling({ timeout: 0, allowedUpdates: ['message'] });
    const update = (await queue.get()) as Update;
    assert.equal(update.update_id, 3);
    await until(() => polls.length >= 2, 'a second poll');
    assert.deepEqual(polls[0]?.allowed_updates, ['message']);
    assert.equal(polls[1]?.allowed_updates, undefined);
    assert.equal(polls[1]?.offset, 4);
  });
});
