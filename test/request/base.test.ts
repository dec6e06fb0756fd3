import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import {
  BadRequest,
  EndPointNotFound,
  MessageNotModified,
  NetworkError,
  TimedOut,
} from '../../src/errors.js';
import {
  BaseRequest,
  type DefaultTimeouts,
  type HttpRequest,
  type HttpResponse,
  type RequestPayload,
  sanitizeCause,
} from '../../src/request/base.js';
import { FAKE_TOKEN } from '../helpers/fake-api-server.js';

const URL_WITH_TOKEN = `https://api.example.invalid/bot${FAKE_TOKEN}/sendMessage`;
const TOKEN_SECRET = FAKE_TOKEN.slice(FAKE_TOKEN.indexOf(':') + 1);

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}

type Responder = (request: HttpRequest) => Promise<HttpResponse>;

/** A BaseRequest whose transport is a function, recording what it was asked. */
class ScriptedRequest extends BaseRequest {
  readonly seen: HttpRequest[] = [];
  shutdowns = 0;
  readonly #defaults: DefaultTimeouts;
  #respond: Responder;

  constructor(respond: Responder, defaults: Partial<DefaultTimeouts> = {}) {
    super();
    this.#respond = respond;
    this.#defaults = {
      readTimeout: 5,
      writeTimeout: 6,
      connectTimeout: 7,
      poolTimeout: 1,
      mediaWriteTimeout: 20,
      ...defaults,
    };
  }

  override get defaultTimeouts(): DefaultTimeouts {
    return this.#defaults;
  }

  set respond(respond: Responder) {
    this.#respond = respond;
  }

  override async initialize(): Promise<void> {}

  override async shutdown(): Promise<void> {
    this.shutdowns++;
  }

  override doRequest(request: HttpRequest): Promise<HttpResponse> {
    this.seen.push(request);
    return this.#respond(request);
  }
}

function answer(statusCode: number, ...parts: string[]): Responder {
  return async () => ({ statusCode, body: chunks(...parts) });
}

function payload(containsFiles: boolean): RequestPayload {
  return {
    containsFiles,
    jsonPayload: () => '{}',
    multipart: () => ({ contentType: 'multipart/form-data; boundary=b', body: chunks('--b--\r\n') }),
  };
}

describe('BaseRequest.post: answers', () => {
  test('resolves to the result of an ok answer, read from several chunks', async () => {
    const request = new ScriptedRequest(answer(200, '{"ok":true,', '"result":{"id":', '1}}'));
    assert.deepEqual(await request.post(URL_WITH_TOKEN, { endpoint: 'getMe' }), { id: 1 });
    assert.equal(request.seen[0]?.method, 'POST');
    assert.equal(request.seen[0]?.url, URL_WITH_TOKEN);
  });

  test('decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('{"ok":true,"result":"héllo ✓"}');
    const request = new ScriptedRequest(async () => ({
      statusCode: 200,
      body: (async function* () {
        for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
      })(),
    }));
    assert.equal(await request.post(URL_WITH_TOKEN, { endpoint: 'x' }), 'héllo ✓');
  });

  test('ok: false with a 200 status still rejects, by its error_code', async () => {
    const request = new ScriptedRequest(
      answer(200, '{"ok":false,"error_code":400,"description":"Bad Request: message is not modified"}'),
    );
    const error = await request
      .post(URL_WITH_TOKEN, { endpoint: 'editMessageText' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof MessageNotModified);
    assert.equal(error.errorCode, 400);
    assert.equal(error.method, 'editMessageText');
  });

  test('a 2xx body that is JSON but not an object is a NetworkError', async () => {
    const request = new ScriptedRequest(answer(200, '[1,2]'));
    await assert.rejects(request.post(URL_WITH_TOKEN, { endpoint: 'getMe' }), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.match(error.message, /JSON but not a Bot API answer/);
      return true;
    });
  });

  test('a body that is not JSON is a NetworkError naming the status', async () => {
    const request = new ScriptedRequest(answer(200, `<html>${URL_WITH_TOKEN}</html>`));
    await assert.rejects(request.post(URL_WITH_TOKEN, { endpoint: 'getMe' }), (error: unknown) => {
      assert.ok(error instanceof NetworkError && !(error instanceof BadRequest));
      assert.match(error.message, /HTTP 200 answer is not valid JSON/);
      assert.ok(!inspect(error, { depth: 5 }).includes(TOKEN_SECRET));
      return true;
    });
  });

  test('an error answer keeps method, code, description and parameters', async () => {
    const request = new ScriptedRequest(
      answer(400, '{"ok":false,"error_code":400,"description":"Bad Request: odd","parameters":{"future":1}}'),
    );
    const error = await request.post(URL_WITH_TOKEN, { endpoint: 'sendMessage' }).catch((e: unknown) => e);
    assert.ok(error instanceof BadRequest);
    assert.equal(error.method, 'sendMessage');
    assert.equal(error.errorCode, 400);
    assert.equal(error.description, 'Bad Request: odd');
    assert.deepEqual(error.parameters, { future: 1 });
  });
});

describe('BaseRequest: timeouts', () => {
  test('defaults apply when the call gives none', async () => {
    const request = new ScriptedRequest(answer(200, '{"ok":true,"result":1}'));
    await request.post(URL_WITH_TOKEN, { endpoint: 'x', payload: payload(false) });
    assert.deepEqual(request.seen[0]?.timeouts, {
      readTimeout: 5,
      writeTimeout: 6,
      connectTimeout: 7,
      poolTimeout: 1,
    });
    assert.equal(request.readTimeout, 5);
  });

  test('payloads with files get the media write timeout', async () => {
    const request = new ScriptedRequest(answer(200, '{"ok":true,"result":1}'));
    await request.post(URL_WITH_TOKEN, { endpoint: 'x', payload: payload(true) });
    assert.equal(request.seen[0]?.timeouts.writeTimeout, 20);
    await request.post(URL_WITH_TOKEN, {
      endpoint: 'x',
      payload: payload(true),
      timeouts: { writeTimeout: 3 },
    });
    assert.equal(request.seen[1]?.timeouts.writeTimeout, 3);
  });

  test('per-call values win, null included; undefined falls back', async () => {
    const request = new ScriptedRequest(answer(200, '{"ok":true,"result":1}'));
    await request.post(URL_WITH_TOKEN, {
      endpoint: 'x',
      timeouts: { readTimeout: null, connectTimeout: 2, poolTimeout: undefined },
    });
    assert.deepEqual(request.seen[0]?.timeouts, {
      readTimeout: null,
      writeTimeout: 6,
      connectTimeout: 2,
      poolTimeout: 1,
    });
  });

  test('retrieve uses GET and the plain write timeout', async () => {
    const request = new ScriptedRequest(answer(200, 'file', '-bytes'));
    const bytes = await request.retrieve('https://files.example.invalid/f', { timeouts: { readTimeout: 9 } });
    assert.equal(Buffer.from(bytes).toString(), 'file-bytes');
    assert.equal(request.seen[0]?.method, 'GET');
    assert.equal(request.seen[0]?.payload, undefined);
    assert.deepEqual(request.seen[0]?.timeouts, {
      readTimeout: 9,
      writeTimeout: 6,
      connectTimeout: 7,
      poolTimeout: 1,
    });
  });
});

describe('BaseRequest: transport failures', () => {
  test('TelegramErrors from doRequest pass through unchanged', async () => {
    const timedOut = new TimedOut('Read timeout');
    const request = new ScriptedRequest(() => Promise.reject(timedOut));
    await assert.rejects(
      request.post(URL_WITH_TOKEN, { endpoint: 'x' }),
      (error: unknown) => error === timedOut,
    );
  });

  test('other errors become a NetworkError with a sanitised cause', async () => {
    const raw = Object.assign(new TypeError(`bad thing at ${URL_WITH_TOKEN}`), {
      input: URL_WITH_TOKEN,
      code: 'E_X',
    });
    const request = new ScriptedRequest(() => Promise.reject(raw));
    const error = await request.post(URL_WITH_TOKEN, { endpoint: 'x' }).catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.match(error.message, /Unknown error in HTTP implementation: TypeError: bad thing at <redacted>/);
    assert.ok(error.cause instanceof Error);
    assert.notEqual(error.cause, raw);
    assert.equal((error.cause as { code?: string }).code, 'E_X');
    assert.equal(Object.hasOwn(error.cause, 'input'), false);
    assert.ok(!inspect(error, { depth: 5 }).includes(TOKEN_SECRET));
  });

  test('errors while reading the body are mapped too', async () => {
    const request = new ScriptedRequest(async () => ({
      statusCode: 200,
      body: (async function* () {
        yield Buffer.from('{"ok":');
        throw new Error('socket hang up');
      })(),
    }));
    await assert.rejects(request.post(URL_WITH_TOKEN, { endpoint: 'x' }), NetworkError);
  });

  test("an aborted caller signal rejects with the signal's reason, whatever the transport threw", async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const request = new ScriptedRequest(async () => {
      controller.abort(reason);
      throw new TimedOut();
    });
    await assert.rejects(
      request.post(URL_WITH_TOKEN, { endpoint: 'x', signal: controller.signal }),
      (error: unknown) => error === reason,
    );
  });

  test('retrieve and retrieveStream map error answers', async () => {
    const request = new ScriptedRequest(
      answer(404, '{"ok":false,"error_code":404,"description":"Not Found"}'),
    );
    await assert.rejects(request.retrieve('https://x.invalid/f'), (error: unknown) => {
      assert.ok(error instanceof EndPointNotFound);
      assert.equal(error.errorCode, 404);
      return true;
    });
    request.respond = answer(500, 'not json');
    await assert.rejects(request.retrieveStream('https://x.invalid/f'), /HTTP 500 answer is not valid JSON/);
  });

  test('retrieveStream maps errors raised while the caller consumes it', async () => {
    const request = new ScriptedRequest(async () => ({
      statusCode: 200,
      body: (async function* () {
        yield Buffer.from('a');
        throw new Error('reset');
      })(),
    }));
    const stream = await request.retrieveStream('https://x.invalid/f');
    const received: string[] = [];
    await assert.rejects(async () => {
      for await (const chunk of stream) received.push(Buffer.from(chunk).toString());
    }, NetworkError);
    assert.deepEqual(received, ['a']);
  });

  test('await using shuts the request object down', async () => {
    const request = new ScriptedRequest(answer(200, '{}'));
    {
      await using scoped = request;
      assert.equal(scoped.shutdowns, 0);
    }
    assert.equal(request.shutdowns, 1);
  });
});

describe('sanitizeCause', () => {
  test('redacts the URL, its path, the token and token-shaped text', () => {
    const path = URL_WITH_TOKEN.slice(URL_WITH_TOKEN.indexOf('/bot'));
    const inner = new Error(`inner ${path}`);
    const error = new Error(`outer ${URL_WITH_TOKEN} and 987654321:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef`, {
      cause: inner,
    });
    const copy = sanitizeCause(error, URL_WITH_TOKEN);
    const shown = inspect(copy, { depth: 5 });
    assert.ok(!shown.includes(TOKEN_SECRET));
    assert.ok(!shown.includes('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef'));
    assert.match(copy.message, /^outer <redacted> and <redacted>$/);
    assert.equal((copy.cause as Error).message, 'inner <redacted>');
  });

  test('keeps network fields and members of an AggregateError', () => {
    const member = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
      address: '127.0.0.1',
      port: 1,
      request: { url: URL_WITH_TOKEN },
    });
    const copy = sanitizeCause(new AggregateError([member], 'all failed'), URL_WITH_TOKEN);
    assert.ok(copy instanceof AggregateError);
    const [first] = copy.errors as Error[];
    assert.equal((first as unknown as { code: string }).code, 'ECONNREFUSED');
    assert.equal((first as unknown as { port: number }).port, 1);
    assert.equal(Object.hasOwn(first as object, 'request'), false);
  });

  test('non-errors become plain errors', () => {
    assert.equal(sanitizeCause(`oops ${URL_WITH_TOKEN}`, URL_WITH_TOKEN).message, 'oops <redacted>');
    assert.equal(sanitizeCause(42, URL_WITH_TOKEN).message, 'Non-error value thrown');
  });
});
