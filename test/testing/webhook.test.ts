import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Emulator } from '../../src/testing/index.js';
import { conformsTo } from '../../src/testing/values.js';
import { call, fails, ok, textOf } from './helpers.js';

interface Received {
  readonly secret: string | undefined;
  readonly update: Record<string, unknown>;
}

/** A loopback webhook receiver; `respond` decides each answer. */
async function receiver(
  respond: (received: Received, res: ServerResponse) => void,
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const header = req.headers['x-telegram-bot-api-secret-token'];
      const item: Received = {
        secret: typeof header === 'string' ? header : undefined,
        update: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
      };
      received.push(item);
      respond(item, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('webhooks', () => {
  let emu: Emulator;
  before(async () => {
    emu = await Emulator.start({ webhookRetryBaseMs: 20, webhookRetryMaxMs: 100 });
  });
  after(() => emu.stop());

  test('updates are POSTed with the configured secret token header', async () => {
    const hook = await receiver((_, res) => res.end());
    try {
      const bot = await emu.createBot();
      await ok(emu, bot.token, 'setWebhook', { url: hook.url, secret_token: 'expected-secret_1' });
      const alice = await emu.createUser({ firstName: 'Alice' });
      await alice.sendMessage(bot, 'hi hook');
      await until(() => hook.received.length === 1);
      const [first] = hook.received;
      assert.equal(first?.secret, 'expected-secret_1');
      assert.equal(textOf(first?.update), 'hi hook');
      assert.equal(conformsTo(first?.update, 'Update'), undefined, 'the delivered update has the spec shape');
      const info = await ok(emu, bot.token, 'getWebhookInfo');
      assert.equal(info.url, hook.url);
      assert.equal(info.pending_update_count, 0);
      assert.equal(info.max_connections, 40);
    } finally {
      await hook.close();
    }
  });

  test('failed deliveries are retried with backoff and reported in getWebhookInfo', async () => {
    let failuresLeft = 2;
    const hook = await receiver((_, res) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.statusCode = 500;
      }
      res.end();
    });
    try {
      const bot = await emu.createBot();
      await ok(emu, bot.token, 'setWebhook', { url: hook.url });
      const alice = await emu.createUser({ firstName: 'Alice' });
      await alice.sendMessage(bot, 'retry me');
      await until(() => hook.received.length === 2);
      const pending = await ok(emu, bot.token, 'getWebhookInfo');
      assert.equal(pending.pending_update_count, 1);
      assert.match(String(pending.last_error_message), /500/);
      assert.equal(typeof pending.last_error_date, 'number');
      await until(() => hook.received.length === 3);
      const ids = hook.received.map((item) => item.update.update_id);
      assert.equal(new Set(ids).size, 1, 'the same update is delivered again');
      await until(async () => (await ok(emu, bot.token, 'getWebhookInfo')).pending_update_count === 0);
      assert.equal(hook.received.length, 3, 'a delivered update is not sent again');
    } finally {
      await hook.close();
    }
  });

  test('getUpdates conflicts with an active webhook; deleteWebhook can drop pending updates', async () => {
    const bot = await emu.createBot();
    const alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendMessage(bot, 'queued');
    await ok(emu, bot.token, 'setWebhook', { url: 'http://127.0.0.1:9/unreachable' });
    const conflict = await fails(emu, bot.token, 'getUpdates');
    assert.equal(conflict.status, 409);
    assert.equal(
      conflict.body.description,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
    await ok(emu, bot.token, 'deleteWebhook', { drop_pending_updates: true });
    assert.deepEqual(await ok(emu, bot.token, 'getUpdates'), []);
    const info = await ok(emu, bot.token, 'getWebhookInfo');
    assert.equal(info.url, '');
  });

  test('secret tokens must be well-formed', async () => {
    const bot = await emu.createBot();
    const secret = await call(emu, bot.token, 'setWebhook', {
      url: 'http://127.0.0.1:1/x',
      secret_token: 'bad token!',
    });
    assert.equal(secret.body.description, 'Bad Request: secret token contains unallowed characters');
  });

  test('setWebhook with drop_pending_updates and max_connections', async () => {
    const hook = await receiver((_, res) => res.end());
    try {
      const bot = await emu.createBot();
      const alice = await emu.createUser({ firstName: 'Alice' });
      await alice.sendMessage(bot, 'old');
      await ok(emu, bot.token, 'setWebhook', {
        url: hook.url,
        drop_pending_updates: true,
        max_connections: 2,
      });
      assert.equal((await ok(emu, bot.token, 'getWebhookInfo')).max_connections, 2);
      await alice.sendMessage(bot, 'new');
      await until(() => hook.received.length === 1);
      assert.equal(textOf(hook.received[0]?.update), 'new');
    } finally {
      await hook.close();
    }
  });

  test('a method in the webhook response is executed', async () => {
    const hook = await receiver((received, res) => {
      const message = received.update.message as { chat: { id: number }; text: string };
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ method: 'sendMessage', chat_id: message.chat.id, text: `hooked ${message.text}` }),
      );
    });
    try {
      const bot = await emu.createBot();
      await ok(emu, bot.token, 'setWebhook', { url: hook.url });
      const alice = await emu.createUser({ firstName: 'Alice' });
      await alice.sendMessage(bot, 'ping');
      await alice.expectMessage({ text: 'hooked ping' });
    } finally {
      await hook.close();
    }
  });
});
