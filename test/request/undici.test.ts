import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { inspect } from 'node:util';
import { Worker } from 'node:worker_threads';
import {
  BadRequest,
  ChatMigrated,
  Conflict,
  EndPointNotFound,
  Forbidden,
  InvalidArgumentError,
  InvalidToken,
  MessageNotModified,
  NetworkError,
  RetryAfter,
  TelegramError,
  TimedOut,
} from '../../src/errors.js';
import type { RequestPayload } from '../../src/request/base.js';
import { UndiciRequest, type UndiciRequestOptions } from '../../src/request/undici.js';
import { type Exchange, FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';

/** Every test here does real I/O: a hang must fail the test, not stall the run. */
const BOUNDED = { timeout: 15_000 };

const TOKEN_SECRET = FAKE_TOKEN.slice(FAKE_TOKEN.indexOf(':') + 1);

function jsonPayload(params: Record<string, unknown>): RequestPayload {
  return {
    containsFiles: false,
    jsonPayload: () => JSON.stringify(params),
    multipart: () => {
      throw new Error('not a multipart payload');
    },
  };
}

function multipartPayload(boundary: string, makeBody: () => AsyncIterable<Uint8Array>): RequestPayload {
  return {
    containsFiles: true,
    jsonPayload: () => {
      throw new Error('not a JSON payload');
    },
    multipart: () => ({ contentType: `multipart/form-data; boundary=${boundary}`, body: makeBody() }),
  };
}

function formBody(boundary: string): string {
  return [
    `--${boundary}`,
    'content-disposition: form-data; name="chat_id"',
    '',
    '42',
    `--${boundary}`,
    'content-disposition: form-data; name="document"; filename="a.bin"',
    'content-type: application/octet-stream',
    '',
    'binary\u0000data',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** A body that sends one chunk and then never another. */
function stallingBody(): AsyncIterable<Uint8Array> {
  return (async function* () {
    yield Buffer.from('--stall\r\n');
    await new Promise<never>(() => {});
  })();
}

/** Succeeds only if `error` shows nothing of the token, in any nested property. */
function assertNoToken(error: unknown): void {
  const shown = inspect(error, { depth: 5, showHidden: false });
  assert.ok(!shown.includes(TOKEN_SECRET), `token leaked in: ${shown.replaceAll(TOKEN_SECRET, '<TOKEN>')}`);
  assert.ok(!shown.includes(FAKE_TOKEN.slice(0, FAKE_TOKEN.indexOf(':') + 5)));
  if (error instanceof Error) assert.ok(!String(error.stack).includes(TOKEN_SECRET));
}

/** Waits until `condition` holds, polling at most `tries` times. */
async function until(condition: () => boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('condition not reached');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected a rejection');
}

/** A port nothing listens on (bound once, then released). */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function withRequest<T>(
  options: UndiciRequestOptions,
  run: (request: UndiciRequest) => Promise<T>,
): Promise<T> {
  const request = new UndiciRequest(options);
  await request.initialize();
  try {
    return await run(request);
  } finally {
    await request.shutdown();
  }
}

describe('UndiciRequest over loopback HTTP', () => {
  let server: FakeApiServer;

  before(async () => {
    server = await FakeApiServer.start();
  });
  after(async () => {
    await server.close();
  });

  test('a JSON call reaches the server as application/json and resolves to the result', BOUNDED, async () => {
    server.setHandler((exchange) => exchange.json(200, { ok: true, result: { message_id: 7 } }));
    const before = server.requests.length;
    const result = await withRequest({}, (request) =>
      request.post(server.methodUrl('sendMessage'), {
        endpoint: 'sendMessage',
        payload: jsonPayload({ chat_id: 1, text: 'héllo' }),
      }),
    );
    assert.deepEqual(result, { message_id: 7 });
    const seen = server.requests[before];
    assert.equal(seen?.method, 'POST');
    assert.equal(seen?.path, `/bot${FAKE_TOKEN}/sendMessage`);
    assert.equal(seen?.headers['content-type'], 'application/json');
    assert.equal(seen?.headers['user-agent'], 'typescript-telegram-bot');
    assert.deepEqual(JSON.parse(String(seen?.body)), { chat_id: 1, text: 'héllo' });
  });

  test('a call without payload is a bodyless POST', BOUNDED, async () => {
    server.setHandler((exchange) => exchange.json(200, { ok: true, result: { id: 1 } }));
    const before = server.requests.length;
    const result = await withRequest({}, (request) =>
      request.post(server.methodUrl('getMe'), { endpoint: 'getMe' }),
    );
    assert.deepEqual(result, { id: 1 });
    assert.equal(server.requests[before]?.method, 'POST');
    assert.equal(server.requests[before]?.body?.length, 0);
  });

  test(
    "a multipart call reaches the server with the payload's content-type and exact bytes",
    BOUNDED,
    async () => {
      server.setHandler((exchange) => exchange.json(200, { ok: true, result: true }));
      const boundary = 'tgbound0123456789';
      const text = formBody(boundary);
      const payload = multipartPayload(boundary, async function* () {
        const bytes = Buffer.from(text);
        for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
      });
      const before = server.requests.length;
      await withRequest({}, (request) =>
        request.post(server.methodUrl('sendDocument'), { endpoint: 'sendDocument', payload }),
      );
      const seen = server.requests[before];
      assert.equal(seen?.headers['content-type'], `multipart/form-data; boundary=${boundary}`);
      assert.equal(seen?.body?.toString(), text);
    },
  );

  test('keep-alive: two sequential calls use one connection', BOUNDED, async () => {
    server.setHandler((exchange) => exchange.json(200, { ok: true, result: 1 }));
    const before = server.requests.length;
    await withRequest({}, async (request) => {
      await request.post(server.methodUrl('getMe'), { endpoint: 'getMe' });
      // undici hands a finished socket back to its pool one event-loop turn later.
      await new Promise((resolve) => setImmediate(resolve));
      await request.post(server.methodUrl('getMe'), { endpoint: 'getMe' });
    });
    const [first, second] = server.requests.slice(before);
    assert.ok(first !== undefined && second !== undefined);
    assert.equal(first.remotePort, second.remotePort);
  });

  test('keep-alive: back-to-back calls reuse at most two connections', BOUNDED, async () => {
    server.setHandler((exchange) => exchange.json(200, { ok: true, result: 1 }));
    const before = server.requests.length;
    await withRequest({}, async (request) => {
      for (let i = 0; i < 8; i++) await request.post(server.methodUrl('getMe'), { endpoint: 'getMe' });
    });
    const ports = new Set(server.requests.slice(before).map((seen) => seen.remotePort));
    assert.equal(server.requests.length - before, 8);
    assert.ok(ports.size <= 2, `used ${ports.size} connections`);
  });

  describe('error answers', () => {
    const cases: ReadonlyArray<{
      name: string;
      status: number;
      body: unknown;
      check: (error: unknown) => void;
    }> = [
      {
        name: '400 -> BadRequest',
        status: 400,
        body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
        check: (error) => {
          assert.ok(error instanceof BadRequest);
          assert.equal(error.message, 'Chat not found');
        },
      },
      {
        name: '400 "message is not modified" -> MessageNotModified, a BadRequest with all fields',
        status: 400,
        body: {
          ok: false,
          error_code: 400,
          description: 'Bad Request: message is not modified: specified new message content is the same',
          parameters: { extra: true },
        },
        check: (error) => {
          assert.ok(error instanceof MessageNotModified);
          assert.ok(error instanceof BadRequest);
          assert.equal(error.method, 'editMessageText');
          assert.equal(error.errorCode, 400);
          assert.equal(
            error.description,
            'Bad Request: message is not modified: specified new message content is the same',
          );
          assert.deepEqual(error.parameters, { extra: true });
        },
      },
      {
        name: '401 -> InvalidToken',
        status: 401,
        body: { ok: false, error_code: 401, description: 'Unauthorized' },
        check: (error) => {
          assert.ok(error instanceof InvalidToken);
          assert.equal(error.errorCode, 401);
        },
      },
      {
        name: '403 -> Forbidden',
        status: 403,
        body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
        check: (error) => {
          assert.ok(error instanceof Forbidden);
          assert.equal(error.name, 'BotBlocked');
        },
      },
      {
        name: '404 -> EndPointNotFound naming the base URL, keeping errorCode 404',
        status: 404,
        body: { ok: false, error_code: 404, description: 'Not Found' },
        check: (error) => {
          assert.ok(error instanceof EndPointNotFound);
          assert.ok(!(error instanceof InvalidToken));
          assert.equal(error.errorCode, 404);
          assert.equal(error.description, 'Not Found');
          assert.match(error.message, /^Not Found for \w+: .*base URL.*'\/bot'/);
        },
      },
      {
        name: '409 -> Conflict',
        status: 409,
        body: {
          ok: false,
          error_code: 409,
          description: 'Conflict: terminated by other getUpdates request',
        },
        check: (error) => assert.ok(error instanceof Conflict),
      },
      {
        name: '429 with retry_after -> RetryAfter',
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 5',
          parameters: { retry_after: 5 },
        },
        check: (error) => {
          assert.ok(error instanceof RetryAfter);
          assert.equal(error.retryAfter, 5);
          assert.equal(error.errorCode, 429);
        },
      },
      {
        name: 'migrate_to_chat_id -> ChatMigrated',
        status: 400,
        body: {
          ok: false,
          error_code: 400,
          description: 'Bad Request: group chat was upgraded to a supergroup chat',
          parameters: { migrate_to_chat_id: -1009876543210 },
        },
        check: (error) => {
          assert.ok(error instanceof ChatMigrated);
          assert.equal(error.newChatId, -1009876543210);
        },
      },
      {
        name: '502 -> NetworkError "Bad Gateway"',
        status: 502,
        body: { ok: false, error_code: 502, description: 'Bad Gateway' },
        check: (error) => {
          assert.equal((error as Error).constructor, NetworkError);
          assert.match((error as Error).message, /^Bad Gateway/);
        },
      },
      {
        name: '500 -> NetworkError with the code in the message',
        status: 500,
        body: { ok: false, error_code: 500, description: 'Internal Server Error' },
        check: (error) => {
          assert.equal((error as Error).constructor, NetworkError);
          assert.match((error as Error).message, /500/);
        },
      },
      {
        name: 'a non-JSON body -> NetworkError that says so and names the status',
        status: 502,
        body: `<html><body>502 Bad Gateway for /bot${FAKE_TOKEN}/editMessageText</body></html>`,
        check: (error) => {
          assert.equal((error as Error).constructor, NetworkError);
          assert.match((error as Error).message, /not valid JSON/);
          assert.match((error as Error).message, /502/);
        },
      },
    ];

    for (const { name, status, body, check } of cases) {
      test(name, BOUNDED, async () => {
        server.setHandler((exchange: Exchange) => {
          if (typeof body === 'string') {
            exchange.response.writeHead(status, { 'content-type': 'text/html' });
            exchange.response.end(body);
          } else {
            exchange.json(status, body);
          }
        });
        const error = await withRequest({}, (request) =>
          rejection(
            request.post(server.methodUrl('editMessageText'), {
              endpoint: 'editMessageText',
              payload: jsonPayload({ chat_id: 1 }),
            }),
          ),
        );
        check(error);
        assertNoToken(error);
      });
    }
  });

  describe('timeouts', () => {
    test('read timeout: no answer within readTimeout -> TimedOut', BOUNDED, async () => {
      server.setHandler(() => {});
      const error = await withRequest({}, (request) =>
        rejection(
          request.post(server.methodUrl('getMe'), { endpoint: 'getMe', timeouts: { readTimeout: 0.2 } }),
        ),
      );
      assert.ok(error instanceof TimedOut);
      assert.match(error.message, /Read timeout/);
      assertNoToken(error);
    });

    test('read timeout also covers a body that stops halfway -> TimedOut', BOUNDED, async () => {
      server.setHandler((exchange) => {
        exchange.response.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
        exchange.response.write('{"ok":true,');
      });
      const error = await withRequest({ readTimeout: 0.2 }, (request) =>
        rejection(request.post(server.methodUrl('getMe'), { endpoint: 'getMe' })),
      );
      assert.ok(error instanceof TimedOut);
      assertNoToken(error);
    });

    test('pool timeout: with one slot busy, a second call fails without being sent', BOUNDED, async () => {
      let releaseFirst: (() => void) | undefined;
      server.setHandler((exchange) => {
        releaseFirst = () => exchange.json(200, { ok: true, result: 'first' });
      });
      const before = server.requests.length;
      await withRequest({ connectionPoolSize: 1 }, async (request) => {
        const first = request.post(server.methodUrl('getMe'), { endpoint: 'getMe' });
        await until(() => releaseFirst !== undefined);
        const error = await rejection(
          request.post(server.methodUrl('getMe'), { endpoint: 'getMe', timeouts: { poolTimeout: 0.1 } }),
        );
        assert.ok(error instanceof TimedOut);
        assert.match(error.message, /Pool timeout: all connections in use/);
        assert.equal(server.requests.length - before, 1);
        releaseFirst?.();
        assert.equal(await first, 'first');
        server.setHandler((exchange) => exchange.json(200, { ok: true, result: 'third' }));
        assert.equal(await request.post(server.methodUrl('getMe'), { endpoint: 'getMe' }), 'third');
      });
    });

    test('a call waiting for a slot gets it when the busy one finishes', BOUNDED, async () => {
      let releaseFirst: (() => void) | undefined;
      server.setHandler((exchange) => {
        releaseFirst = () => exchange.json(200, { ok: true, result: 'first' });
      });
      await withRequest({ connectionPoolSize: 1, poolTimeout: 5 }, async (request) => {
        const first = request.post(server.methodUrl('getMe'), { endpoint: 'getMe' });
        await until(() => releaseFirst !== undefined);
        server.setHandler((exchange) => exchange.json(200, { ok: true, result: 'second' }));
        const second = request.post(server.methodUrl('getMe'), { endpoint: 'getMe' });
        releaseFirst?.();
        assert.deepEqual(await Promise.all([first, second]), ['first', 'second']);
      });
    });

    test('write timeout: an upload body that stalls -> TimedOut', BOUNDED, async () => {
      server.setHandler((exchange) => exchange.json(200, { ok: true, result: true }));
      const error = await withRequest(
        { writeTimeout: 5, mediaWriteTimeout: 0.2, readTimeout: 10 },
        (request) =>
          rejection(
            request.post(server.methodUrl('sendDocument'), {
              endpoint: 'sendDocument',
              payload: multipartPayload('stall', stallingBody),
            }),
          ),
      );
      assert.ok(error instanceof TimedOut);
      assert.match(error.message, /Write timeout/);
      assertNoToken(error);
    });
  });

  describe('abort signal', () => {
    test("aborting while waiting for the answer rejects with the signal's reason", BOUNDED, async () => {
      let seen = false;
      server.setHandler(() => {
        seen = true;
      });
      const controller = new AbortController();
      const reason = new Error('stop polling');
      const error = await withRequest({}, async (request) => {
        const pending = rejection(
          request.post(server.methodUrl('getUpdates'), { endpoint: 'getUpdates', signal: controller.signal }),
        );
        await until(() => seen);
        controller.abort(reason);
        return pending;
      });
      assert.equal(error, reason);
    });

    test('an already aborted signal rejects before anything is sent', BOUNDED, async () => {
      const before = server.requests.length;
      const reason = new Error('never mind');
      const error = await withRequest({}, (request) =>
        rejection(
          request.post(server.methodUrl('getMe'), { endpoint: 'getMe', signal: AbortSignal.abort(reason) }),
        ),
      );
      assert.equal(error, reason);
      assert.equal(server.requests.length, before);
    });

    test('aborting while waiting for a pool slot rejects with the reason', BOUNDED, async () => {
      let releaseFirst: (() => void) | undefined;
      server.setHandler((exchange) => {
        releaseFirst = () => exchange.json(200, { ok: true, result: 1 });
      });
      await withRequest({ connectionPoolSize: 1, poolTimeout: null }, async (request) => {
        const first = request.post(server.methodUrl('getMe'), { endpoint: 'getMe' });
        await until(() => releaseFirst !== undefined);
        const controller = new AbortController();
        const reason = new Error('cancelled in queue');
        const second = rejection(
          request.post(server.methodUrl('getMe'), { endpoint: 'getMe', signal: controller.signal }),
        );
        controller.abort(reason);
        assert.equal(await second, reason);
        releaseFirst?.();
        assert.equal(await first, 1);
      });
    });

    test('aborting an upload rejects with the reason, not a write timeout', BOUNDED, async () => {
      server.setHandler((exchange) => exchange.json(200, { ok: true, result: true }));
      const controller = new AbortController();
      const reason = new Error('user cancelled upload');
      const error = await withRequest({ mediaWriteTimeout: 5 }, async (request) => {
        const pending = rejection(
          request.post(server.methodUrl('sendDocument'), {
            endpoint: 'sendDocument',
            payload: multipartPayload('stall', stallingBody),
            signal: controller.signal,
          }),
        );
        await until(
          () => server.requests.at(-1)?.headers['content-type'] === 'multipart/form-data; boundary=stall',
        );
        controller.abort(reason);
        return pending;
      });
      assert.equal(error, reason);
    });
  });

  describe('downloads', () => {
    test('retrieve GETs the whole body', BOUNDED, async () => {
      const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
      server.setHandler((exchange) => {
        exchange.response.writeHead(200, { 'content-type': 'application/octet-stream' });
        exchange.response.end(bytes);
      });
      const before = server.requests.length;
      const result = await withRequest({}, (request) =>
        request.retrieve(`${server.origin}/file/bot${FAKE_TOKEN}/photos/a.jpg`),
      );
      assert.deepEqual(Buffer.from(result), bytes);
      assert.equal(server.requests[before]?.method, 'GET');
    });

    test('retrieve maps a 404 answer, without the token', BOUNDED, async () => {
      server.setHandler((exchange) =>
        exchange.json(404, { ok: false, error_code: 404, description: 'Not Found' }),
      );
      const error = await withRequest({}, (request) =>
        rejection(request.retrieve(`${server.origin}/file/bot${FAKE_TOKEN}/missing.jpg`)),
      );
      assert.ok(error instanceof EndPointNotFound);
      assert.equal(error.errorCode, 404);
      assert.match(error.message, /file base URL/);
      assertNoToken(error);
    });

    test('retrieveStream yields the body; stopping early frees the only slot', BOUNDED, async () => {
      server.setHandler(async (exchange) => {
        exchange.response.writeHead(200);
        for (const part of ['one,', 'two,', 'three']) {
          exchange.response.write(part);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        exchange.response.end();
      });
      await withRequest({ connectionPoolSize: 1, poolTimeout: 2 }, async (request) => {
        const url = `${server.origin}/file/bot${FAKE_TOKEN}/doc.txt`;
        let text = '';
        for await (const chunk of await request.retrieveStream(url)) text += Buffer.from(chunk).toString();
        assert.equal(text, 'one,two,three');
        const stream = await request.retrieveStream(url);
        for await (const _chunk of stream) break;
        // The slot of the abandoned stream is free again, so this does not hit the pool timeout.
        const again = await request.retrieve(url);
        assert.equal(Buffer.from(again).toString(), 'one,two,three');
      });
    });

    test('retrieveStream rejects on a non-2xx answer', BOUNDED, async () => {
      server.setHandler((exchange) =>
        exchange.json(403, { ok: false, error_code: 403, description: 'Forbidden' }),
      );
      const error = await withRequest({}, (request) =>
        rejection(request.retrieveStream(`${server.origin}/file/bot${FAKE_TOKEN}/x`)),
      );
      assert.ok(error instanceof Forbidden);
    });
  });

  describe('lifecycle and options', () => {
    test('works without initialize; after shutdown it refuses until initialized again', BOUNDED, async () => {
      server.setHandler((exchange) => exchange.json(200, { ok: true, result: 'ok' }));
      const request = new UndiciRequest();
      try {
        assert.equal(await request.post(server.methodUrl('getMe'), { endpoint: 'getMe' }), 'ok');
        await request.shutdown();
        await request.shutdown();
        const error = await rejection(request.post(server.methodUrl('getMe'), { endpoint: 'getMe' }));
        assert.ok(error instanceof TelegramError);
        assert.ok(!(error instanceof NetworkError));
        assert.match(error.message, /shut down; call initialize\(\)/);
        await request.initialize();
        await request.initialize();
        assert.equal(await request.post(server.methodUrl('getMe'), { endpoint: 'getMe' }), 'ok');
      } finally {
        await request.shutdown();
      }
    });

    test('shutdown rejects calls waiting for a slot', BOUNDED, async () => {
      let releaseFirst: (() => void) | undefined;
      server.setHandler((exchange) => {
        releaseFirst = () => exchange.json(200, { ok: true, result: 1 });
      });
      const request = new UndiciRequest({ connectionPoolSize: 1, poolTimeout: null });
      const first = request.post(server.methodUrl('getMe'), { endpoint: 'getMe' });
      await until(() => releaseFirst !== undefined);
      const waiting = rejection(request.post(server.methodUrl('getMe'), { endpoint: 'getMe' }));
      const closing = request.shutdown();
      const error = await waiting;
      assert.ok(error instanceof TelegramError);
      assert.match(error.message, /shut down/);
      releaseFirst?.();
      assert.equal(await first, 1);
      await closing;
    });

    test(
      'a payload that cannot be serialised -> InvalidArgumentError, and no slot is lost',
      BOUNDED,
      async () => {
        server.setHandler((exchange) => exchange.json(200, { ok: true, result: 'after' }));
        const broken: RequestPayload = {
          containsFiles: false,
          jsonPayload: () => JSON.stringify({ big: 1n }),
          multipart: () => assert.fail('not multipart'),
        };
        const before = server.requests.length;
        await withRequest({ connectionPoolSize: 1, poolTimeout: 0 }, async (request) => {
          const error = await rejection(
            request.post(server.methodUrl('sendMessage'), { endpoint: 'sendMessage', payload: broken }),
          );
          assert.ok(error instanceof InvalidArgumentError);
          assert.ok(error.cause instanceof TypeError);
          assert.equal(server.requests.length, before);
          assert.equal(await request.post(server.methodUrl('getMe'), { endpoint: 'getMe' }), 'after');
        });
      },
    );

    test('a per-call connect timeout other than the default still works', BOUNDED, async () => {
      server.setHandler((exchange) => exchange.json(200, { ok: true, result: 'fine' }));
      const result = await withRequest({}, (request) =>
        request.post(server.methodUrl('getMe'), { endpoint: 'getMe', timeouts: { connectTimeout: 2.5 } }),
      );
      assert.equal(result, 'fine');
    });

    test("httpVersion '2' still talks to a plain HTTP/1.1 server", BOUNDED, async () => {
      server.setHandler((exchange) => exchange.json(200, { ok: true, result: 'h1' }));
      const result = await withRequest(
        { httpVersion: '2', socketOptions: { noDelay: true, keepAlive: true } },
        (r) => r.post(server.methodUrl('getMe'), { endpoint: 'getMe' }),
      );
      assert.equal(result, 'h1');
    });

    test('clientOptions reach the undici agent', BOUNDED, async () => {
      server.setHandler((exchange) => exchange.json(200, { ok: true, result: 1 }));
      // pipelining 0 with keepAliveTimeout tiny makes each call use a fresh connection
      const before = server.requests.length;
      await withRequest(
        { clientOptions: { keepAliveTimeout: 1, keepAliveMaxTimeout: 1 } },
        async (request) => {
          await request.post(server.methodUrl('getMe'), { endpoint: 'getMe' });
          await new Promise((resolve) => setTimeout(resolve, 50));
          await request.post(server.methodUrl('getMe'), { endpoint: 'getMe' });
        },
      );
      const [first, second] = server.requests.slice(before);
      assert.notEqual(first?.remotePort, second?.remotePort);
    });

    test('invalid options are refused clearly', BOUNDED, () => {
      assert.throws(
        () => new UndiciRequest({ proxy: 'socks5://127.0.0.1:1080' }),
        (error: unknown) => {
          assert.ok(error instanceof InvalidArgumentError);
          assert.match(error.message, /'socks5' is not supported; use an http:\/\/ or https:\/\/ proxy/);
          return true;
        },
      );
      assert.throws(
        () => new UndiciRequest({ proxy: 'not a url with secret-password' }),
        (error: unknown) =>
          error instanceof InvalidArgumentError && !error.message.includes('secret-password'),
      );
      assert.throws(() => new UndiciRequest({ connectionPoolSize: 0 }), /connectionPoolSize/);
      assert.throws(() => new UndiciRequest({ readTimeout: -1 }), /readTimeout/);
      assert.throws(() => new UndiciRequest({ httpVersion: '3' as '2' }), /httpVersion/);
    });

    test('defaults follow python-telegram-bot', BOUNDED, () => {
      const request = new UndiciRequest();
      assert.deepEqual(request.defaultTimeouts, {
        readTimeout: 5,
        writeTimeout: 5,
        connectTimeout: 5,
        poolTimeout: 1,
        mediaWriteTimeout: 20,
      });
      assert.equal(request.readTimeout, 5);
      assert.equal(request.connectionPoolSize, 256);
      assert.equal(request.httpVersion, '1.1');
      assert.equal(new UndiciRequest({ readTimeout: null }).readTimeout, null);
    });

    test('inspecting shows no proxy credentials', BOUNDED, () => {
      const request = new UndiciRequest({ proxy: 'http://alice:s3cret-pass@127.0.0.1:3128' });
      const shown = `${inspect(request, { depth: 5 })} ${String(request)}`;
      assert.ok(!shown.includes('s3cret-pass'));
      assert.ok(!shown.includes('alice'));
      assert.match(shown, /proxy=http:\/\/127\.0\.0\.1:3128/);
    });
  });
});

describe('UndiciRequest transport failures', () => {
  test('connection refused -> NetworkError without the token', BOUNDED, async () => {
    const port = await closedPort();
    const error = await withRequest({}, (request) =>
      rejection(request.post(`http://127.0.0.1:${port}/bot${FAKE_TOKEN}/getMe`, { endpoint: 'getMe' })),
    );
    assert.ok(error instanceof NetworkError);
    assert.ok(!(error instanceof TimedOut));
    assert.match(error.message, /ECONNREFUSED.*: nothing accepts connections there; check the base URL/);
    assert.ok(error.cause instanceof Error);
    assertNoToken(error);
  });

  test(
    'a malformed URL -> InvalidArgumentError about the base URL that does not repeat the URL',
    BOUNDED,
    async () => {
      const error = await withRequest({}, (request) =>
        rejection(request.post(`http://127.0.0.1:99999/bot${FAKE_TOKEN}/getMe`, { endpoint: 'getMe' })),
      );
      assert.equal(error instanceof InvalidArgumentError, true);
      assert.match(String((error as Error).message), /not a valid URL; check the base URL/);
      assertNoToken(error);
    },
  );

  test('connect timeout: a server whose accept queue is full -> TimedOut', BOUNDED, async (t) => {
    // A listener on another thread whose event loop is blocked never accepts; once its small
    // backlog is full, the kernel drops further connection attempts, so connecting hangs.
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const server = require('node:net').createServer();
       server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
         parentPort.postMessage(server.address().port);
         Atomics.wait(workerData, 0, 0, 30000);
         server.close();
       });`,
      { eval: true, workerData: gate },
    );
    const fillers: Socket[] = [];
    try {
      const port = await new Promise<number>((resolve) => worker.once('message', resolve));
      let hanging = false;
      for (let i = 0; i < 16 && !hanging; i++) {
        const socket = connect(port, '127.0.0.1');
        socket.on('error', () => {});
        fillers.push(socket);
        hanging = !(await new Promise<boolean>((resolve) => {
          socket.once('connect', () => resolve(true));
          setTimeout(() => resolve(false), 300);
        }));
      }
      if (!hanging) {
        t.skip('this system does not leave connection attempts pending on a full backlog');
        return;
      }
      const error = await withRequest({ connectTimeout: 0.3 }, (request) =>
        rejection(request.post(`http://127.0.0.1:${port}/bot${FAKE_TOKEN}/getMe`, { endpoint: 'getMe' })),
      );
      assert.ok(error instanceof TimedOut);
      assert.match(error.message, /Connect timeout/);
      assertNoToken(error);
    } finally {
      for (const socket of fillers) socket.destroy();
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
      await worker.terminate();
    }
  });

  test('write timeout: a server that stops reading the upload -> TimedOut', BOUNDED, async () => {
    const server = await FakeApiServer.start(() => {}, { readBodies: false });
    const chunk = Buffer.alloc(64 * 1024, 120);
    try {
      const payload = multipartPayload('big', async function* () {
        // At most 1 GiB; the kernel buffers fill long before.
        for (let i = 0; i < 16 * 1024; i++) yield chunk;
      });
      const error = await withRequest({ mediaWriteTimeout: 0.3, readTimeout: 30 }, (request) =>
        rejection(request.post(server.methodUrl('sendVideo'), { endpoint: 'sendVideo', payload })),
      );
      assert.ok(error instanceof TimedOut);
      assert.match(error.message, /Write timeout/);
    } finally {
      await server.close();
    }
  });
});

describe('UndiciRequest through an HTTP proxy', () => {
  let api: FakeApiServer;
  let proxy: Server;
  const tunnels: { target: string; authorization: string | undefined }[] = [];
  const proxySockets = new Set<Socket>();

  before(async () => {
    api = await FakeApiServer.start((exchange) => exchange.json(200, { ok: true, result: 'via proxy' }));
    proxy = createServer((_request, response) => {
      response.writeHead(405);
      response.end();
    });
    proxy.on('connection', (socket: Socket) => {
      proxySockets.add(socket);
      socket.on('close', () => proxySockets.delete(socket));
    });
    proxy.on('connect', (request, client: Socket, head: Buffer) => {
      const target = request.url ?? '';
      tunnels.push({ target, authorization: request.headers['proxy-authorization'] });
      const [host, port] = target.split(':');
      const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      proxySockets.add(upstream);
      upstream.on('close', () => proxySockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });

  after(async () => {
    for (const socket of proxySockets) socket.destroy();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await api.close();
  });

  test('the call tunnels through the proxy and the answer comes back', BOUNDED, async () => {
    const proxyPort = (proxy.address() as { port: number }).port;
    const result = await withRequest({ proxy: `http://bob:hunter2@127.0.0.1:${proxyPort}` }, (request) =>
      request.post(api.methodUrl('getMe'), { endpoint: 'getMe', payload: jsonPayload({}) }),
    );
    assert.equal(result, 'via proxy');
    assert.equal(tunnels.length, 1);
    assert.equal(tunnels[0]?.target, `127.0.0.1:${api.port}`);
    assert.equal(tunnels[0]?.authorization, `Basic ${Buffer.from('bob:hunter2').toString('base64')}`);
    assert.equal(api.requests.length, 1);
    assert.equal(api.requests[0]?.path, `/bot${FAKE_TOKEN}/getMe`);
  });

  test('a URL object is accepted as proxy', BOUNDED, async () => {
    const proxyPort = (proxy.address() as { port: number }).port;
    const result = await withRequest({ proxy: new URL(`http://127.0.0.1:${proxyPort}`) }, (request) =>
      request.post(api.methodUrl('getMe'), { endpoint: 'getMe' }),
    );
    assert.equal(result, 'via proxy');
    assert.equal(tunnels.at(-1)?.authorization, undefined);
  });
});
