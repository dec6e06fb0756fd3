// Webhooks end to end: Application.runWebhook against the Bot API emulator (which delivers to the
// URL given to setWebhook, with the secret token), the web-standard handler behind node:http, and
// runWebhook's lifecycle against a scripted Bot API (hook order, graceful stop, error routing).
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { after, afterEach, before, describe, it } from 'node:test';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/index.js';
import { MalformedUpdateError } from '../../src/ext/errors.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { Update } from '../../src/generated/types.js';
import { Emulator } from '../../src/testing/index.js';
import { type Exchange, FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';
import { recordingLogger } from './helpers.js';
import { rawRequest, textUpdateJSON, until, updatePost } from './webhook-helpers.js';

const SECRET = 'e2e_Secret-token';

function portOf(app: Application): number {
  const address = app.updater?.webhookAddress;
  return typeof address === 'object' && address !== undefined ? address.port : 0;
}

/** A minimal node:http -> web-standard adapter, as a user would write for the handler. */
function toRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const method = request.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = Readable.toWeb(request) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(`http://127.0.0.1${request.url ?? '/'}`, init);
}

async function writeResponse(response: Response, out: ServerResponse): Promise<void> {
  out.writeHead(response.status, Object.fromEntries(response.headers));
  out.end(Buffer.from(await response.arrayBuffer()));
}

describe('webhooks against the emulator', () => {
  let emu: Emulator;

  before(async () => {
    emu = await Emulator.start();
  });

  after(async () => {
    await emu.stop();
  });

  it('runWebhook: the emulator delivers with the secret token, the bot replies, stopRunning ends it', async () => {
    const bot = await emu.createBot({ username: 'hook_e2e_bot' });
    const alice = await emu.createUser({ firstName: 'Alice' });
    const app = Application.builder().token(bot.token).baseUrl(emu.baseUrl).logger(recordingLogger()).build();
    app.addHandler(
      new TypeHandler(Update, async (update, context) => {
        const text = update.message?.text ?? '';
        await context.bot.sendMessage(update.message!.chat.id, `echo: ${text}`);
        if (text === 'bye') context.application.stopRunning();
      }),
    );
    const running = app.runWebhook({
      listen: '127.0.0.1',
      port: 0,
      urlPath: 'telegram/hook',
      secretToken: SECRET,
      stopSignals: [],
    });
    await until(() => app.running, 'runWebhook to start');
    const info = await app.bot.getWebhookInfo();
    assert.equal(info.url, `http://127.0.0.1:${portOf(app)}/telegram/hook`);
    assert.equal(info.max_connections, 40);
    // A stranger without the secret is refused.
    const stranger = await rawRequest(
      { port: portOf(app) },
      updatePost(textUpdateJSON(1, 'forged'), 'wrong', '/telegram/hook'),
    );
    assert.equal(stranger.status, 403);
    await alice.sendMessage(bot, 'hello');
    await alice.expectMessage({ text: 'echo: hello', timeoutMs: 5000 });
    await alice.sendMessage(bot, 'bye');
    await alice.expectMessage({ text: 'echo: bye', timeoutMs: 5000 });
    await running;
    assert.equal(app.running, false);
    assert.equal(app.initialized, false);
    const transcript = String(await emu.transcript(alice.chatWith(bot)));
    assert.doesNotMatch(transcript, /forged/);
  });

  it('the web-standard handler behind node:http: setWebhook by hand, the bot replies', async () => {
    const bot = await emu.createBot({ username: 'fetch_e2e_bot' });
    const bob = await emu.createUser({ firstName: 'Bob' });
    const app = Application.builder()
      .token(bot.token)
      .baseUrl(emu.baseUrl)
      .updater(null)
      .logger(recordingLogger())
      .build();
    app.addHandler(
      new TypeHandler(Update, async (update, context) => {
        await context.bot.sendMessage(update.message!.chat.id, `fetch: ${update.message?.text}`);
      }),
    );
    const handle = app.webhookHandler({ secretToken: SECRET });
    const server = createServer((request, response) => {
      if (request.url !== '/tg') {
        response.writeHead(404).end();
        return;
      }
      handle(toRequest(request))
        .then((answer) => writeResponse(answer, response))
        .catch(() => response.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await app.initialize();
    await app.start();
    try {
      const port = (server.address() as AddressInfo).port;
      await app.bot.setWebhook(`http://127.0.0.1:${port}/tg`, { secret_token: SECRET });
      await bob.sendMessage(bot, 'via fetch');
      await bob.expectMessage({ text: 'fetch: via fetch', timeoutMs: 5000 });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      await app.shutdown();
    }
  });
});

describe('runWebhook lifecycle (scripted Bot API)', () => {
  let fake: FakeApiServer | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  async function api(): Promise<FakeApiServer> {
    fake = await FakeApiServer.start((exchange: Exchange) => {
      if (exchange.recorded.path.endsWith('/getMe')) {
        return exchange.json(200, {
          ok: true,
          result: { id: 1, is_bot: true, first_name: 'B', username: 'b_bot' },
        });
      }
      exchange.json(200, { ok: true, result: true });
    });
    return fake;
  }

  it('runs the hooks in order and processes every received update before shutting down', async () => {
    const server = await api();
    const order: string[] = [];
    const app = Application.builder()
      .token(FAKE_TOKEN)
      .baseUrl(`${server.origin}/bot`)
      .logger(recordingLogger())
      .postInit(() => void order.push('postInit'))
      .postStop(() => void order.push('postStop'))
      .postShutdown(() => void order.push('postShutdown'))
      // One at a time, so updates 2 and 3 stay in the update queue while update 1 is held.
      .concurrentUpdates(false)
      .build();
    let release: (() => void) | undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached: (() => void) | undefined;
    const atGate = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const handled: number[] = [];
    app.addHandler(
      new TypeHandler(Update, async (update, context) => {
        if (update.update_id === 1) {
          reached?.();
          await gate;
          context.application.stopRunning();
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
        handled.push(update.update_id);
      }),
    );
    const errors: unknown[] = [];
    app.addErrorHandler((_update, context) => void errors.push(context.error));
    const running = app.runWebhook({ port: 0, stopSignals: [] });
    await until(() => app.running, 'runWebhook to start');
    order.push('running');
    const port = portOf(app);
    // Answers come once an update is handled: update 1 holds its handler (and, in order, the
    // others) until released, and its handler then stops the application.
    const first = rawRequest({ port }, updatePost(textUpdateJSON(1, 'u1')));
    await atGate;
    const rest = [2, 3].map((id) => rawRequest({ port }, updatePost(textUpdateJSON(id, `u${id}`))));
    await until(() => app.updateQueue.size === 2, 'updates 2 and 3 to be queued');
    assert.equal((await rawRequest({ port }, updatePost({ update_id: 'bad' }))).status, 400);
    release?.();
    // Updates accepted before the stop are handled and answered 200 during it.
    for (const answer of await Promise.all([first, ...rest])) assert.equal(answer.status, 200);
    await running;
    assert.deepEqual(handled, [1, 2, 3]);
    assert.deepEqual(order, ['postInit', 'running', 'postStop', 'postShutdown']);
    assert.equal(errors.length, 1);
    assert.ok(errors[0] instanceof MalformedUpdateError);
    await assert.rejects(rawRequest({ port }, updatePost(textUpdateJSON(4, 'late'))), /ECONNREFUSED/);
    const setWebhook = server.requests.find((r) => r.path.endsWith('/setWebhook'));
    assert.equal(JSON.parse(String(setWebhook?.body)).url, `http://127.0.0.1:${port}/`);
  });

  it('a failing setWebhook ends runWebhook with the error after shutting down', async () => {
    fake = await FakeApiServer.start((exchange: Exchange) => {
      if (exchange.recorded.path.endsWith('/getMe')) {
        return exchange.json(200, {
          ok: true,
          result: { id: 1, is_bot: true, first_name: 'B', username: 'b_bot' },
        });
      }
      exchange.json(400, {
        ok: false,
        error_code: 400,
        description: 'Bad Request: bad webhook: IP address is not allowed',
      });
    });
    const app = Application.builder()
      .token(FAKE_TOKEN)
      .baseUrl(`${fake.origin}/bot`)
      .logger(recordingLogger())
      .build();
    await assert.rejects(app.runWebhook({ port: 0, stopSignals: [] }), /Bad webhook/i);
    assert.equal(app.running, false);
    assert.equal(app.initialized, false);
    assert.equal(app.updater?.running, false);
  });

  it('runWebhook needs an updater', async () => {
    const app = Application.builder().token(FAKE_TOKEN).updater(null).logger(recordingLogger()).build();
    await assert.rejects(app.runWebhook({ stopSignals: [] }), /updater\(null\)/);
  });
});
