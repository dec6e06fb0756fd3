// Updater.startWebhook against a scripted Bot API (the loopback FakeApiServer): what setWebhook
// receives, the request checks of the built-in server (404/405/403/413/400/200), HTTPS with a
// self-signed certificate, unix sockets, bootstrap retries and a graceful stop.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { Bot } from '../../src/bot.js';
import { MalformedUpdateError } from '../../src/ext/errors.js';
import { UpdateQueue } from '../../src/ext/updater/update-queue.js';
import { Updater, type WebhookOptions } from '../../src/ext/updater/updater.js';
import { WebhookServer } from '../../src/ext/updater/webhook-server.js';
import { Update } from '../../src/generated/types.js';
import { type Exchange, FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';
import { recordingLogger } from './helpers.js';
import {
  type RawAnswer,
  rawRequest,
  selfSignedCertificate,
  textUpdateJSON,
  until,
  updatePost,
} from './webhook-helpers.js';

const ME = { id: 123456789, is_bot: true, first_name: 'Fake', username: 'fake_bot' };
const SECRET = 'Top_secret-123';

let fake: FakeApiServer | undefined;
let running: Updater | undefined;

afterEach(async () => {
  if (running?.running) await running.stop();
  running = undefined;
  await fake?.close();
  fake = undefined;
});

function methodOf(exchange: Exchange): string {
  return exchange.recorded.path.split('/').pop() ?? '';
}

/** A Bot API that answers getMe and lets `setWebhook` be scripted (default: true). */
async function api(setWebhook?: (exchange: Exchange) => void): Promise<FakeApiServer> {
  fake = await FakeApiServer.start((exchange) => {
    const method = methodOf(exchange);
    if (method === 'getMe') return exchange.json(200, { ok: true, result: ME });
    if (method === 'setWebhook' && setWebhook !== undefined) return setWebhook(exchange);
    exchange.json(200, { ok: true, result: true });
  });
  return fake;
}

async function startUpdater(
  options: WebhookOptions,
  server?: FakeApiServer,
): Promise<{ updater: Updater; queue: UpdateQueue; port: number; server: FakeApiServer }> {
  const apiServer = server ?? (await api());
  const bot = new Bot(FAKE_TOKEN, { baseUrl: `${apiServer.origin}/bot` });
  const queue = new UpdateQueue();
  const updater = new Updater(bot, queue, { logger: recordingLogger() });
  await updater.initialize();
  await updater.startWebhook({ listen: '127.0.0.1', port: 0, ...options });
  running = updater;
  const port = portOf(updater);
  return { updater, queue, port, server: apiServer };
}

function portOf(updater: Updater): number {
  const address = updater.webhookAddress;
  return typeof address === 'object' && address !== undefined ? address.port : 0;
}

function setWebhookBodies(server: FakeApiServer): string[] {
  return server.requests.filter((r) => r.path.endsWith('/setWebhook')).map((r) => String(r.body));
}

function assertRefused(answer: RawAnswer, status: number, queue: UpdateQueue): void {
  assert.equal(answer.status, status, answer.body);
  assert.equal(queue.size, 0, 'nothing was queued');
}

describe('Updater.startWebhook', () => {
  it('calls setWebhook with the URL built from listen, port and urlPath and every option', async () => {
    const { updater, port, server } = await startUpdater({
      urlPath: 'hook',
      secretToken: SECRET,
      maxConnections: 7,
      allowedUpdates: ['message', 'callback_query'],
      dropPendingUpdates: true,
      ipAddress: '203.0.113.9',
    });
    assert.ok(port > 0);
    const [body] = setWebhookBodies(server);
    assert.deepEqual(JSON.parse(body ?? '{}'), {
      url: `http://127.0.0.1:${port}/hook`,
      ip_address: '203.0.113.9',
      max_connections: 7,
      allowed_updates: ['message', 'callback_query'],
      drop_pending_updates: true,
      secret_token: SECRET,
    });
    assert.equal(updater.webhookUrl, `http://127.0.0.1:${port}/hook`);
    assert.equal(updater.running, true);
  });

  it('defaults: max_connections 40, the root path, an explicit webhookUrl wins', async () => {
    const { server } = await startUpdater({ webhookUrl: 'https://bot.example.org/tg' });
    const sent = JSON.parse(setWebhookBodies(server)[0] ?? '{}') as Record<string, unknown>;
    assert.deepEqual(sent, { url: 'https://bot.example.org/tg', max_connections: 40 });
  });

  it('queues a valid update and answers 200; query strings and a trailing slash reach the path', async () => {
    const { queue, port } = await startUpdater({ urlPath: '/hook', secretToken: SECRET });
    const first = await rawRequest({ port }, updatePost(textUpdateJSON(1, 'one'), SECRET, '/hook'));
    assert.equal(first.status, 200);
    const update = queue.getNowait();
    assert.ok(update instanceof Update);
    assert.equal(update.update_id, 1);
    assert.equal(update.message?.text, 'one');
    const second = await rawRequest({ port }, updatePost(textUpdateJSON(2, 'two'), SECRET, '/hook/?x=1'));
    assert.equal(second.status, 200);
    assert.equal((queue.getNowait() as Update).update_id, 2);
    const charset = await rawRequest(
      { port },
      {
        ...updatePost(textUpdateJSON(3, 'three'), SECRET, '/hook'),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-telegram-bot-api-secret-token': SECRET,
        },
      },
    );
    assert.equal(charset.status, 200);
    assert.equal((queue.getNowait() as Update).update_id, 3);
  });

  it('403 for a wrong, missing or differently long secret token and for a non-JSON content type', async () => {
    const { queue, port } = await startUpdater({ secretToken: SECRET });
    const json = textUpdateJSON(1, 'x');
    assertRefused(await rawRequest({ port }, updatePost(json, 'Top_secret-124')), 403, queue);
    assertRefused(await rawRequest({ port }, updatePost(json, 'short')), 403, queue);
    assertRefused(await rawRequest({ port }, updatePost(json, `${SECRET}x`)), 403, queue);
    assertRefused(await rawRequest({ port }, updatePost(json)), 403, queue);
    const plain = await rawRequest(
      { port },
      {
        headers: { 'content-type': 'text/plain', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(json),
      },
    );
    assertRefused(plain, 403, queue);
    const none = await rawRequest(
      { port },
      { headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(json) },
    );
    assertRefused(none, 403, queue);
    assert.equal((await rawRequest({ port }, updatePost(json, SECRET))).status, 200);
    assert.equal(queue.size, 1);
  });

  it('404 for other paths, 405 (Allow: POST) for other methods', async () => {
    const { queue, port } = await startUpdater({ urlPath: 'hook' });
    const json = textUpdateJSON(1, 'x');
    assertRefused(await rawRequest({ port }, updatePost(json, undefined, '/')), 404, queue);
    assertRefused(await rawRequest({ port }, updatePost(json, undefined, '/hooks')), 404, queue);
    assertRefused(await rawRequest({ port }, updatePost(json, undefined, '/other/hook')), 404, queue);
    const get = await rawRequest({ port }, { method: 'GET', path: '/hook' });
    assertRefused(get, 405, queue);
    assert.equal(get.headers.allow, 'POST');
    assertRefused(
      await rawRequest({ port }, { ...updatePost(json, undefined, '/hook'), method: 'PUT' }),
      405,
      queue,
    );
  });

  it('413 for a body over maxBodySize, declared or streamed, without reading it; the server keeps serving', async () => {
    const { queue, port } = await startUpdater({ maxBodySize: 1024 });
    const declared = await rawRequest(
      { port },
      {
        headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) },
        headersOnly: true,
      },
    );
    assertRefused(declared, 413, queue);
    assert.equal(declared.headers.connection, 'close');
    const streamed = await rawRequest(
      { port },
      {
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        body: `{"update_id":1,"pad":"${'x'.repeat(2000)}"`,
        leaveOpen: true,
      },
    );
    assertRefused(streamed, 413, queue);
    const exact = textUpdateJSON(9, 'fits');
    assert.equal((await rawRequest({ port }, updatePost(exact))).status, 200);
    assert.equal(queue.size, 1);
  });

  it('400 for a body that is not JSON or not an update, reported to errorCallback; later updates flow', async () => {
    const errors: MalformedUpdateError[] = [];
    const { queue, port } = await startUpdater({ errorCallback: (error) => errors.push(error) });
    const notJson = await rawRequest(
      { port },
      { headers: { 'content-type': 'application/json' }, body: '{"update_id":' },
    );
    assertRefused(notJson, 400, queue);
    const badId = await rawRequest({ port }, updatePost({ update_id: 'five', message: { text: 'x' } }));
    assertRefused(badId, 400, queue);
    const array = await rawRequest({ port }, updatePost([1, 2]));
    assertRefused(array, 400, queue);
    assert.equal(errors.length, 3);
    assert.ok(errors.every((error) => error instanceof MalformedUpdateError));
    assert.ok(errors[0]?.cause instanceof SyntaxError, 'the JSON error is the cause');
    assert.match(errors[1]?.path ?? '', /update_id/);
    assert.equal((await rawRequest({ port }, updatePost(textUpdateJSON(6, 'ok')))).status, 200);
    assert.equal((queue.getNowait() as Update).update_id, 6);
  });

  it('HTTPS with a self-signed certificate (Buffers): served over TLS, the certificate uploaded to setWebhook', async (t) => {
    const made = selfSignedCertificate();
    if ('skip' in made) return t.skip(made.skip);
    const { queue, port, server } = await startUpdater({ cert: made.cert, key: made.key, urlPath: 'tls' });
    const upload = server.requests.find((r) => r.path.endsWith('/setWebhook'));
    assert.match(String(upload?.headers['content-type']), /^multipart\/form-data/);
    const body = String(upload?.body);
    assert.match(body, /name="certificate"; filename="certificate.pem"/);
    assert.ok(body.includes(made.cert.toString('utf8')), 'the PEM certificate is the uploaded file');
    assert.match(body, new RegExp(`name="url"\\r\\n\\r\\nhttps://127\\.0\\.0\\.1:${port}/tls\\r\\n`));
    const answer = await rawRequest(
      { port, ca: made.cert },
      updatePost(textUpdateJSON(1, 'secure'), undefined, '/tls'),
    );
    assert.equal(answer.status, 200);
    assert.equal((queue.getNowait() as Update).message?.text, 'secure');
    await assert.rejects(rawRequest({ port }, updatePost(textUpdateJSON(2, 'plain'), undefined, '/tls')));
  });

  it('HTTPS with certificate and key given as file paths', async (t) => {
    const made = selfSignedCertificate();
    if ('skip' in made) return t.skip(made.skip);
    const dir = mkdtempSync(join(tmpdir(), 'webhook-pem-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'cert.pem'), made.cert);
    writeFileSync(join(dir, 'key.pem'), made.key);
    const { queue, port } = await startUpdater({ cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') });
    const answer = await rawRequest({ port, ca: made.cert }, updatePost(textUpdateJSON(4, 'from paths')));
    assert.equal(answer.status, 200);
    assert.equal((queue.getNowait() as Update).update_id, 4);
  });

  it('listens on a unix socket (with webhookUrl); the socket file goes away on stop', async (t) => {
    if (process.platform === 'win32') return t.skip('unix sockets: not on Windows');
    const dir = mkdtempSync(join(tmpdir(), 'webhook-sock-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const socketPath = join(dir, 'bot.sock');
    const server = await api();
    const bot = new Bot(FAKE_TOKEN, { baseUrl: `${server.origin}/bot` });
    const queue = new UpdateQueue();
    const updater = new Updater(bot, queue, { logger: recordingLogger() });
    running = updater;
    await updater.initialize();
    await updater.startWebhook({
      unix: socketPath,
      webhookUrl: 'https://bot.example.org/hook',
      urlPath: 'hook',
    });
    assert.equal(updater.webhookAddress, socketPath);
    assert.ok(statSync(socketPath).isSocket());
    const answer = await rawRequest(
      { socketPath },
      updatePost(textUpdateJSON(8, 'via socket'), undefined, '/hook'),
    );
    assert.equal(answer.status, 200);
    assert.equal((queue.getNowait() as Update).update_id, 8);
    assert.equal(JSON.parse(setWebhookBodies(server)[0] ?? '{}').url, 'https://bot.example.org/hook');
    await updater.stop();
    assert.throws(() => statSync(socketPath), /ENOENT/);
  });

  it('refuses bad combinations before listening, and a unix path that is not a socket', async (t) => {
    const server = await api();
    const bot = new Bot(FAKE_TOKEN, { baseUrl: `${server.origin}/bot` });
    const updater = new Updater(bot, new UpdateQueue(), { logger: recordingLogger() });
    await updater.initialize();
    await assert.rejects(updater.startWebhook({ unix: '/tmp/x.sock' }), /webhookUrl/);
    await assert.rejects(
      updater.startWebhook({ unix: '/tmp/x.sock', port: 8443, webhookUrl: 'https://a.b/c' }),
      TypeError,
    );
    await assert.rejects(updater.startWebhook({ port: 0, cert: Buffer.from('x') }), /cert and key/);
    await assert.rejects(updater.startWebhook({ port: 70_000 }), /port/);
    await assert.rejects(updater.startWebhook({ port: 0, secretToken: 'has space' }), /secretToken/);
    if (process.platform !== 'win32') {
      const dir = mkdtempSync(join(tmpdir(), 'webhook-file-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const file = join(dir, 'not-a-socket');
      writeFileSync(file, 'keep me');
      await assert.rejects(
        updater.startWebhook({ unix: file, webhookUrl: 'https://a.b/c' }),
        /not a unix socket/,
      );
      assert.ok(statSync(file).isFile());
    }
    assert.equal(updater.running, false);
    assert.equal(setWebhookBodies(server).length, 0);
  });

  it('bootstrapRetries: setWebhook is retried up to n times; on failure the server is closed again', async () => {
    let failures = 2;
    const server = await api((exchange) => {
      if (failures-- > 0) {
        exchange.json(500, { ok: false, error_code: 500, description: 'Internal Server Error' });
        return;
      }
      exchange.json(200, { ok: true, result: true });
    });
    const bot = new Bot(FAKE_TOKEN, { baseUrl: `${server.origin}/bot` });
    const updater = new Updater(bot, new UpdateQueue(), { logger: recordingLogger() });
    await updater.initialize();
    await assert.rejects(
      updater.startWebhook({ port: 0, bootstrapRetries: 1, maxRetryInterval: 0.01 }),
      /Internal Server Error/,
    );
    assert.equal(updater.running, false);
    assert.equal(updater.webhookAddress, undefined);
    assert.equal(setWebhookBodies(server).length, 2);
    failures = 2;
    await updater.startWebhook({ port: 0, bootstrapRetries: 2, maxRetryInterval: 0.01 });
    running = updater;
    assert.equal(updater.running, true);
    assert.equal(setWebhookBodies(server).length, 5);
    const port = portOf(updater);
    await updater.stop();
    await assert.rejects(rawRequest({ port }, updatePost(textUpdateJSON(1, 'late'))), /ECONNREFUSED/);
  });

  it('stop lets a request in flight finish and queue its update; later requests are refused', async () => {
    const queue = new UpdateQueue();
    const server = new WebhookServer(new Bot(FAKE_TOKEN), queue, { path: '/hook' });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const port = (server.address as AddressInfo).port;
    const body = Buffer.from(JSON.stringify(textUpdateJSON(11, 'in flight')));
    let status = 0;
    let finish: (() => void) | undefined;
    const answered = new Promise<void>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/hook',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
        },
        (response) => {
          status = response.statusCode ?? 0;
          response.resume();
          response.on('end', resolve);
        },
      );
      request.on('error', reject);
      request.write(body.subarray(0, 10));
      finish = () => request.end(body.subarray(10));
    });
    await until(() => server.pendingRequests === 1, 'the server to accept the request');
    const stopping = server.stop();
    finish?.();
    await answered;
    await stopping;
    assert.equal(status, 200);
    assert.equal((queue.getNowait() as Update).update_id, 11);
    assert.equal(server.listening, false);
    assert.equal(server.pendingRequests, 0);
    await assert.rejects(
      rawRequest({ port }, updatePost(textUpdateJSON(12, 'after'), undefined, '/hook')),
      /ECONNREFUSED/,
    );
  });

  it('stop answers 503 to a new request on a connection kept alive from before', async () => {
    const queue = new UpdateQueue();
    const server = new WebhookServer(new Bot(FAKE_TOKEN), queue);
    await server.listen({ host: '127.0.0.1', port: 0 });
    const port = (server.address as AddressInfo).port;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (id: number): Promise<number> =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify(textUpdateJSON(id, 'k'));
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/',
            agent,
            headers: { 'content-type': 'application/json' },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    assert.equal(await post(1), 200);
    await server.stop();
    // The idle keep-alive connection was closed by the stop: the agent reconnects and is refused.
    await assert.rejects(post(2), /ECONNREFUSED|ECONNRESET|socket hang up/);
    agent.destroy();
    assert.equal(queue.size, 1);
  });
});
