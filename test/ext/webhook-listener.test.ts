// The node request listener (Application.webhookListener) mounted in Express (with and without
// express.json()) and Fastify (the raw request with the body Fastify parsed), fed by the emulator's
// webhook deliveries; the built-in server's checks (403, 405, 413) through each framework.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/index.js';
import { Bot } from '../../src/bot.js';
import { MalformedUpdateError } from '../../src/ext/errors.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { UpdateQueue } from '../../src/ext/updater/update-queue.js';
import { type WebhookNodeListener, webhookListener } from '../../src/ext/updater/webhook-listener.js';
import { Update } from '../../src/generated/types.js';
import { Emulator } from '../../src/testing/index.js';
import { recordingLogger } from './helpers.js';
import { rawRequest, textUpdateJSON, updatePost } from './webhook-helpers.js';

const SECRET = 'listener_Secret-1';
const LIMIT = 2048;

interface Mounted {
  readonly port: number;
  close(): Promise<void>;
}

async function listenExpress(listener: WebhookNodeListener, parseJson: boolean): Promise<Mounted> {
  const web = express();
  if (parseJson) web.use(express.json());
  web.all('/hook', listener);
  const server: Server = await new Promise((resolve) => {
    const started = web.listen(0, '127.0.0.1', () => resolve(started));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function listenFastify(listener: WebhookNodeListener): Promise<Mounted> {
  const web: FastifyInstance = Fastify();
  web.route({
    method: ['GET', 'POST'],
    url: '/hook',
    handler: (request, reply) => {
      reply.hijack();
      listener(Object.assign(request.raw, { body: request.body }), reply.raw);
    },
  });
  await web.listen({ port: 0, host: '127.0.0.1' });
  return { port: (web.server.address() as AddressInfo).port, close: () => web.close() };
}

const frameworks: ReadonlyArray<[string, (listener: WebhookNodeListener) => Promise<Mounted>]> = [
  ['Express without a body parser', (listener) => listenExpress(listener, false)],
  ['Express with express.json()', (listener) => listenExpress(listener, true)],
  ['Fastify (request.raw with request.body, reply.raw)', listenFastify],
];

describe('webhookListener in node frameworks, fed by the emulator', () => {
  let emu: Emulator;

  before(async () => {
    emu = await Emulator.start();
  });

  after(async () => {
    await emu.stop();
  });

  for (const [index, [name, mount]] of frameworks.entries()) {
    it(`${name}: the bot answers a user; wrong secret 403, wrong method 405, oversize 413, bad body 400`, async () => {
      const bot = await emu.createBot({ username: `listener${index}_bot` });
      const carol = await emu.createUser({ firstName: 'Carol' });
      const app = Application.builder()
        .token(bot.token)
        .baseUrl(emu.baseUrl)
        .updater(null)
        .logger(recordingLogger())
        .build();
      app.addHandler(
        new TypeHandler(Update, async (update, context) => {
          await context.bot.sendMessage(update.message!.chat.id, `node: ${update.message?.text}`);
        }),
      );
      const errors: unknown[] = [];
      app.addErrorHandler((_update, context) => void errors.push(context.error));
      const mounted = await mount(app.webhookListener({ secretToken: SECRET, maxBodySize: LIMIT }));
      await app.initialize();
      await app.start();
      try {
        const target = { port: mounted.port };
        await app.bot.setWebhook(`http://127.0.0.1:${mounted.port}/hook`, { secret_token: SECRET });
        await carol.sendMessage(bot, 'through the listener');
        await carol.expectMessage({ text: 'node: through the listener', timeoutMs: 5000 });

        const forged = await rawRequest(target, updatePost(textUpdateJSON(900, 'forged'), 'wrong', '/hook'));
        assert.equal(forged.status, 403);
        const anonymous = await rawRequest(
          target,
          updatePost(textUpdateJSON(901, 'anon'), undefined, '/hook'),
        );
        assert.equal(anonymous.status, 403);

        const get = await rawRequest(target, { method: 'GET', path: '/hook' });
        assert.equal(get.status, 405);
        assert.equal(get.headers.allow, 'POST');

        const big = { ...textUpdateJSON(902, 'x'.repeat(LIMIT)) };
        const oversize = await rawRequest(target, updatePost(big, SECRET, '/hook'));
        assert.equal(oversize.status, 413);

        const bad = await rawRequest(target, updatePost({ update_id: 'not a number' }, SECRET, '/hook'));
        assert.equal(bad.status, 400);
        assert.equal(errors.length, 1, 'the bad body reaches the error handlers');
        assert.ok(errors[0] instanceof MalformedUpdateError, 'a MalformedUpdateError is reported');

        const transcript = String(await emu.transcript(carol.chatWith(bot)));
        assert.doesNotMatch(transcript, /forged|anon/);
      } finally {
        await mounted.close();
        await app.stop();
        await app.shutdown();
      }
    });
  }
});

describe('webhookListener on plain node:http', () => {
  it('stops reading a streamed body past the limit (413 before the body ends); 503 while not running', async () => {
    const target = { bot: new Bot('123:listener'), updateQueue: new UpdateQueue(), running: false };
    const listener = webhookListener(target, { secretToken: SECRET, maxBodySize: LIMIT });
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      // Not started: Telegram is told to deliver again later.
      const early = await rawRequest({ port }, updatePost(textUpdateJSON(1, 'early'), SECRET));
      assert.equal(early.status, 503);
      // Running: a body sent without a Content-Length is cut at the limit, the request left open.
      target.running = true;
      const streamed = await rawRequest(
        { port },
        {
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          body: Buffer.alloc(LIMIT + 1, 0x20),
          leaveOpen: true,
        },
      );
      assert.equal(streamed.status, 413);
      assert.equal(streamed.headers.connection, 'close');
      const ok = await rawRequest({ port }, updatePost(textUpdateJSON(2, 'fine'), SECRET));
      assert.equal(ok.status, 200);
      const queued = target.updateQueue.getNowait();
      assert.ok(queued instanceof Update, 'the update is queued');
      assert.equal(queued.message?.text, 'fine');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
