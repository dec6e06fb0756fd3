// The web-standard webhook handler, fed real `Request` objects: the same checks as the built-in
// server, a bounded body read that stops pulling the stream, 503 while the application is not
// running, and Application.webhookHandler routing bad bodies to the error handlers.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/builder.js';
import { Bot } from '../../src/bot.js';
import { MalformedUpdateError } from '../../src/ext/errors.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { UpdateQueue } from '../../src/ext/updater/update-queue.js';
import { webhookHandler } from '../../src/ext/updater/webhook-handler.js';
import { Update } from '../../src/generated/types.js';
import { type Exchange, FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';
import { recordingLogger } from './helpers.js';
import { textUpdateJSON, until } from './webhook-helpers.js';

const SECRET = 'hono_secret-42';
const URL_ = 'https://bot.example.org/telegram';

function post(
  body: string | ReadableStream<Uint8Array> | null,
  headers: Record<string, string> = {},
  init: RequestInit = {},
): Request {
  return new Request(URL_, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET, ...headers },
    body,
    ...init,
  });
}

function updateBody(id: number, text = `t${id}`): string {
  return JSON.stringify(textUpdateJSON(id, text));
}

function target() {
  const queue = new UpdateQueue();
  return { target: { bot: new Bot(FAKE_TOKEN), updateQueue: queue, logger: recordingLogger() }, queue };
}

/** A request body that yields 1 KiB chunks forever, counting pulls and noticing a cancel. */
function endlessBody(): {
  stream: ReadableStream<Uint8Array>;
  pulls: () => number;
  cancelled: () => boolean;
} {
  let pulls = 0;
  let cancelled = false;
  const chunk = new Uint8Array(1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulls: () => pulls, cancelled: () => cancelled };
}

let fake: FakeApiServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('webhookHandler (web-standard Request -> Response)', () => {
  it('queues a valid update and answers 200', async () => {
    const { target: t, queue } = target();
    const handle = webhookHandler(t, { secretToken: SECRET });
    const response = await handle(post(updateBody(1, 'hello')));
    assert.equal(response.status, 200);
    const update = queue.getNowait();
    assert.ok(update instanceof Update);
    assert.equal(update.message?.text, 'hello');
    assert.equal(update.getBot(), t.bot);
  });

  it('405 with Allow: POST for other methods', async () => {
    const { target: t, queue } = target();
    const handle = webhookHandler(t);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await handle(
        new Request(URL_, { method, ...(method === 'GET' ? {} : { body: updateBody(1) }) }),
      );
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('allow'), 'POST');
    }
    assert.equal(queue.size, 0);
  });

  it('403 for a wrong or missing secret token and for a content type other than JSON', async () => {
    const { target: t, queue } = target();
    const handle = webhookHandler(t, { secretToken: SECRET });
    const wrong = await handle(post(updateBody(1), { 'x-telegram-bot-api-secret-token': 'hono_secret-43' }));
    assert.equal(wrong.status, 403);
    const longer = await handle(
      post(updateBody(1), { 'x-telegram-bot-api-secret-token': `${SECRET}-and-more` }),
    );
    assert.equal(longer.status, 403);
    const missing = await handle(
      new Request(URL_, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: updateBody(1),
      }),
    );
    assert.equal(missing.status, 403);
    const text = await handle(post(updateBody(1), { 'content-type': 'text/plain' }));
    assert.equal(text.status, 403);
    assert.match(await text.text(), /application\/json/);
    assert.equal(queue.size, 0);
    assert.equal(
      (await handle(post(updateBody(2), { 'content-type': 'Application/JSON; charset=utf-8' }))).status,
      200,
    );
    assert.equal(queue.size, 1);
  });

  it('without a secretToken every JSON POST is taken; a bad secretToken is refused when made', () => {
    const { target: t } = target();
    assert.throws(() => webhookHandler(t, { secretToken: 'no spaces allowed' }), /secretToken/);
    assert.throws(() => webhookHandler(t, { secretToken: '' }), /secretToken/);
    assert.throws(() => webhookHandler(t, { maxBodySize: 0 }), /maxBodySize/);
  });

  it('413 for a declared length over maxBodySize, and for a streamed body: the stream is cancelled, not drained', async () => {
    const { target: t, queue } = target();
    const handle = webhookHandler(t, { secretToken: SECRET, maxBodySize: 4096 });
    const declared = await handle(post('x'.repeat(5000)));
    assert.equal(declared.status, 413);
    const endless = endlessBody();
    const streamed = await handle(post(endless.stream, {}, { duplex: 'half' } as RequestInit));
    assert.equal(streamed.status, 413);
    assert.ok(endless.pulls() <= 8, `pulled ${endless.pulls()} KiB of an endless body`);
    assert.equal(endless.cancelled(), true);
    const fits = await handle(post(updateBody(3)));
    assert.equal(fits.status, 200);
    assert.equal(queue.size, 1);
  });

  it('400 for a body that is not JSON or not an update, reported to errorCallback', async () => {
    const { target: t, queue } = target();
    const errors: MalformedUpdateError[] = [];
    const handle = webhookHandler(t, { secretToken: SECRET, errorCallback: (error) => errors.push(error) });
    assert.equal((await handle(post('{"update_id":'))).status, 400);
    assert.equal((await handle(post('"just a string"'))).status, 400);
    assert.equal((await handle(post(null))).status, 400);
    assert.equal(queue.size, 0);
    assert.equal(errors.length, 3);
    assert.ok(errors.every((error) => error instanceof MalformedUpdateError));
  });

  it('a body split over many chunks is put together', async () => {
    const { target: t, queue } = target();
    const handle = webhookHandler(t);
    const bytes = new TextEncoder().encode(updateBody(4, 'é'.repeat(300)));
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        // Odd chunk sizes split the two-byte 'é' across chunks.
        controller.enqueue(bytes.subarray(offset, offset + 37));
        offset += 37;
      },
    });
    const response = await handle(post(stream, {}, { duplex: 'half' } as RequestInit));
    assert.equal(response.status, 200);
    assert.equal((queue.getNowait() as Update).message?.text, 'é'.repeat(300));
  });

  it('Application.webhookHandler: 503 until started, then updates reach the handlers and bad bodies the error handlers', async () => {
    fake = await FakeApiServer.start((exchange: Exchange) => {
      if (exchange.recorded.path.endsWith('/getMe')) {
        return exchange.json(200, {
          ok: true,
          result: { id: 1, is_bot: true, first_name: 'B', username: 'b_bot' },
        });
      }
      exchange.json(200, { ok: true, result: true });
    });
    const app = Application.builder()
      .token(FAKE_TOKEN)
      .baseUrl(`${fake.origin}/bot`)
      .updater(null)
      .logger(recordingLogger())
      .build();
    const seen: string[] = [];
    const errors: Array<[unknown, unknown]> = [];
    app.addHandler(new TypeHandler(Update, (update) => void seen.push(update.message?.text ?? '')));
    app.addErrorHandler((update, context) => void errors.push([update, context.error]));
    const handle = app.webhookHandler({ secretToken: SECRET });
    const early = await handle(post(updateBody(1, 'too early')));
    assert.equal(early.status, 503);
    await app.initialize();
    await app.start();
    try {
      assert.equal((await handle(post(updateBody(2, 'hello')))).status, 200);
      assert.equal((await handle(post('{"update_id": "x"}'))).status, 400);
      await until(() => seen.length === 1 && errors.length === 1, 'the update and the error');
      assert.deepEqual(seen, ['hello']);
      assert.equal(errors[0]?.[0], null);
      assert.ok(errors[0]?.[1] instanceof MalformedUpdateError);
    } finally {
      await app.stop();
      await app.shutdown();
    }
    assert.equal((await handle(post(updateBody(3, 'too late')))).status, 503);
  });
});
