// Webhook delivery as Telegram does it: one update in flight per chat, max_connections chats in
// parallel, retries that keep the update at the head of its queue, public URLs through routes.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, mock, test } from 'node:test';
import { Emulator } from '../../src/testing/index.js';
import { call, ok, textOf } from './helpers.js';

interface Hit {
  readonly update: Record<string, unknown>;
  readonly text: string | undefined;
  readonly path: string;
  /** Whether the request was answered 2xx (set when it is answered). */
  succeeded: boolean;
}

interface Receiver {
  readonly origin: string;
  readonly url: string;
  readonly hits: Hit[];
  /** Requests being handled right now, and the most there ever were. */
  active: number;
  peak: number;
  close(): Promise<void>;
}

/** A loopback webhook receiver; `respond` answers each request (it may answer later). */
async function receiver(respond: (hit: Hit, res: ServerResponse) => void): Promise<Receiver> {
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const update = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
      const hit: Hit = { update, text: textOf(update), path: req.url ?? '', succeeded: false };
      self.hits.push(hit);
      self.active += 1;
      self.peak = Math.max(self.peak, self.active);
      res.on('finish', () => {
        self.active -= 1;
        hit.succeeded = res.statusCode >= 200 && res.statusCode <= 299;
      });
      respond(hit, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const self: Receiver = {
    origin,
    url: `${origin}/hook`,
    hits: [],
    active: 0,
    peak: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return self;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not met in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('webhook delivery', () => {
  let emu: Emulator;
  before(async () => {
    emu = await Emulator.start({ webhookRetryBaseMs: 20, webhookRetryMaxMs: 100 });
  });
  after(() => emu.stop());

  test("a slow answer holds its chat's next update while other chats' updates flow", async () => {
    const held: ServerResponse[] = [];
    const hook = await receiver((hit, res) => {
      if (hit.text === 'a1') held.push(res);
      else res.end();
    });
    try {
      const bot = await emu.createBot();
      await ok(emu, bot.token, 'setWebhook', { url: hook.url });
      const alice = await emu.createUser({ firstName: 'Alice' });
      const bob = await emu.createUser({ firstName: 'Bob' });
      await alice.sendMessage(bot, 'a1');
      await alice.sendMessage(bot, 'a2');
      await bob.sendMessage(bot, 'b1');
      await until('b1 delivered while a1 is held', () => hook.hits.some((hit) => hit.text === 'b1'));
      await sleep(100);
      assert.deepEqual(
        hook.hits.map((hit) => hit.text),
        ['a1', 'b1'],
        "Alice's second update waits for the answer to her first",
      );
      held[0]?.end();
      await until('a2 delivered after a1 was answered', () => hook.hits.some((hit) => hit.text === 'a2'));
      assert.deepEqual(
        hook.hits.filter((hit) => hit.text?.startsWith('a')).map((hit) => hit.text),
        ['a1', 'a2'],
      );
    } finally {
      await hook.close();
    }
  });

  test('max_connections bounds parallel requests; each chat keeps one request in flight, in order', async () => {
    let slowChat = 0;
    const perChat = new Map<number, number>();
    let overlapped = false;
    const hook = await receiver((hit, res) => {
      const chat = Number(String(hit.text).split(':')[0]);
      const now = (perChat.get(chat) ?? 0) + 1;
      perChat.set(chat, now);
      if (now > 1) overlapped = true;
      // One chat answers slowly, so the others overtake it.
      setTimeout(
        () => {
          perChat.set(chat, (perChat.get(chat) ?? 1) - 1);
          res.end();
        },
        chat === slowChat ? 150 : 20,
      );
    });
    try {
      const bot = await emu.createBot();
      const users = await Promise.all(
        ['U1', 'U2', 'U3', 'U4', 'U5'].map((firstName) => emu.createUser({ firstName })),
      );
      slowChat = users[0]?.id ?? 0;
      for (const round of [1, 2, 3]) {
        for (const user of users) await user.sendMessage(bot, `${user.id}:${round}`);
      }
      await ok(emu, bot.token, 'setWebhook', { url: hook.url, max_connections: 3 });
      await until('all 15 updates delivered', () => hook.hits.length === 15, 5000);
      assert.equal(hook.peak, 3, 'three requests in parallel, never more');
      assert.equal(overlapped, false, 'never two requests of one chat at once');
      for (const user of users) {
        const texts = hook.hits.filter((hit) => hit.text?.startsWith(`${user.id}:`)).map((hit) => hit.text);
        assert.deepEqual(texts, [`${user.id}:1`, `${user.id}:2`, `${user.id}:3`], 'per-chat order kept');
      }
    } finally {
      await hook.close();
    }
  });

  test('only the oldest 2 x max_connections pending updates are candidates, as on Telegram', async () => {
    const held: ServerResponse[] = [];
    const hook = await receiver((hit, res) => {
      if (hit.text === 'a1') held.push(res);
      else res.end();
    });
    try {
      const bot = await emu.createBot();
      const alice = await emu.createUser({ firstName: 'Alice' });
      const bob = await emu.createUser({ firstName: 'Bob' });
      for (const text of ['a1', 'a2', 'a3', 'a4']) await alice.sendMessage(bot, text);
      await bob.sendMessage(bot, 'b1');
      await ok(emu, bot.token, 'setWebhook', { url: hook.url, max_connections: 2 });
      await until('a1 is being delivered', () => hook.hits.length === 1);
      await sleep(100);
      assert.deepEqual(
        hook.hits.map((hit) => hit.text),
        ['a1'],
        "Bob's update is fifth: outside the window of four while Alice's backlog fills it",
      );
      held[0]?.end();
      await until('everything delivered', () => hook.hits.length === 5);
      assert.deepEqual(
        hook.hits.filter((hit) => hit.text?.startsWith('a')).map((hit) => hit.text),
        ['a1', 'a2', 'a3', 'a4'],
      );
    } finally {
      await hook.close();
    }
  });

  test('a failed update is sent again before the next of its chat; getWebhookInfo reports the error', async () => {
    let failuresLeft = 2;
    const hook = await receiver((hit, res) => {
      if (hit.text === 'first' && failuresLeft > 0) {
        failuresLeft -= 1;
        res.statusCode = 500;
      }
      res.end();
    });
    try {
      const bot = await emu.createBot();
      const alice = await emu.createUser({ firstName: 'Alice' });
      await alice.sendMessage(bot, 'first');
      await alice.sendMessage(bot, 'second');
      const started = Math.floor(Date.now() / 1000);
      await ok(emu, bot.token, 'setWebhook', { url: hook.url });
      await until('the first delivery failed', () => hook.hits.length >= 1 && failuresLeft < 2);
      const info = await ok(emu, bot.token, 'getWebhookInfo');
      assert.equal(info.last_error_message, 'Wrong response from the webhook: 500 Internal Server Error');
      assert.ok(Number(info.last_error_date) >= started, 'last_error_date is the time of the failure');
      assert.ok(Number(info.pending_update_count) >= 1, 'the failed update is still pending');
      await until('both delivered', () => hook.hits.filter((hit) => hit.succeeded).length === 2);
      assert.deepEqual(
        hook.hits.map((hit) => hit.text),
        ['first', 'first', 'first', 'second'],
        'the failed update is retried at the head of its queue',
      );
      const ids = hook.hits.slice(0, 3).map((hit) => hit.update.update_id);
      assert.equal(new Set(ids).size, 1, 'the same update_id each time');
      await until(
        'nothing pending',
        async () => (await ok(emu, bot.token, 'getWebhookInfo')).pending_update_count === 0,
      );
    } finally {
      await hook.close();
    }
  });

  test('an update still failing 24 hours on is dropped', async () => {
    const hook = await receiver((_, res) => {
      res.statusCode = 503;
      res.end();
    });
    const realNow = Date.now.bind(Date);
    try {
      const bot = await emu.createBot();
      const alice = await emu.createUser({ firstName: 'Alice' });
      await ok(emu, bot.token, 'setWebhook', { url: hook.url });
      await alice.sendMessage(bot, 'stale');
      await until('the first delivery failed', () => hook.hits.length >= 1);
      assert.equal((await ok(emu, bot.token, 'getWebhookInfo')).pending_update_count, 1);
      mock.method(Date, 'now', () => realNow() + 25 * 60 * 60 * 1000);
      await until(
        'the update is given up',
        async () => (await ok(emu, bot.token, 'getWebhookInfo')).pending_update_count === 0,
      );
      mock.restoreAll();
      const seen = hook.hits.length;
      await sleep(150);
      assert.equal(hook.hits.length, seen, 'a dropped update is not sent again');
      await ok(emu, bot.token, 'deleteWebhook');
    } finally {
      mock.restoreAll();
      await hook.close();
    }
  });

  test('webhook changes and getters answered in the webhook response are not executed', async () => {
    const hook = await receiver((_, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ method: 'deleteWebhook', drop_pending_updates: true }));
    });
    try {
      const bot = await emu.createBot();
      const alice = await emu.createUser({ firstName: 'Alice' });
      await ok(emu, bot.token, 'setWebhook', { url: hook.url });
      await alice.sendMessage(bot, 'one');
      await until('delivered', () => hook.hits.length === 1);
      await alice.sendMessage(bot, 'two');
      await until('the webhook is still there', () => hook.hits.length === 2);
      assert.equal((await ok(emu, bot.token, 'getWebhookInfo')).url, hook.url);
    } finally {
      await hook.close();
    }
  });

  test('a refused connection is reported as Telegram words it', async () => {
    const closed = await receiver((_, res) => res.end());
    await closed.close();
    const bot = await emu.createBot();
    const alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendMessage(bot, 'anyone?');
    await ok(emu, bot.token, 'setWebhook', { url: closed.url });
    await until(
      'an error is reported',
      async () => (await ok(emu, bot.token, 'getWebhookInfo')).last_error_message !== undefined,
    );
    const info = await ok(emu, bot.token, 'getWebhookInfo');
    assert.equal(info.last_error_message, 'Connection refused');
    assert.equal(info.pending_update_count, 1);
    await ok(emu, bot.token, 'deleteWebhook');
  });

  test('a public https URL is accepted and delivered through a route to a loopback server', async () => {
    const hook = await receiver((_, res) => res.end());
    try {
      const bot = await emu.createBot();
      const alice = await emu.createUser({ firstName: 'Alice' });
      // A form-encoded setWebhook, as a third-party client may send it.
      const response = await fetch(`${emu.baseUrl}${bot.token}/setWebhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          url: 'https://bot.example.org/tg/hook?x=1',
          secret_token: 's3cret',
        }).toString(),
      });
      assert.deepEqual(await response.json(), { ok: true, result: true });
      // The control API over HTTP maps the public origin to the local server.
      const routed = await fetch(`${emu.origin}/_emulator/webhook_routes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url_prefix: 'https://bot.example.org', target: hook.origin }),
      });
      assert.deepEqual(await routed.json(), { ok: true, result: true });
      await alice.sendMessage(bot, 'via proxy');
      await until('delivered through the route', () => hook.hits.length === 1);
      assert.equal(hook.hits[0]?.text, 'via proxy');
      assert.equal(hook.hits[0]?.path, '/tg/hook?x=1', 'the path and query follow the route target');
      const info = await ok(emu, bot.token, 'getWebhookInfo');
      assert.equal(info.url, 'https://bot.example.org/tg/hook?x=1');
      assert.equal(info.pending_update_count, 0);

      // Removing the route (the Emulator method) makes the host unreachable again.
      await emu.routeWebhook('https://bot.example.org', null);
      await alice.sendMessage(bot, 'lost');
      await until(
        'an error is reported',
        async () => (await ok(emu, bot.token, 'getWebhookInfo')).last_error_message !== undefined,
      );
      await emu.routeWebhook('https://bot.example.org/tg', `${hook.origin}/base`);
      await until('delivered once routed again', () => hook.hits.length === 2);
      assert.equal(hook.hits[1]?.text, 'lost');
      assert.equal(hook.hits[1]?.path, '/base/hook?x=1');
      await emu.routeWebhook('https://bot.example.org/tg', null);
    } finally {
      await hook.close();
    }
  });

  test('an unmapped public URL or ip_address is never connected to and reports an error', async () => {
    const hook = await receiver((_, res) => res.end());
    try {
      await emu.routeWebhook('https://mapped.example.org', hook.origin);
      const bot = await emu.createBot();
      const alice = await emu.createUser({ firstName: 'Alice' });
      await ok(emu, bot.token, 'setWebhook', { url: 'https://unmapped.example.org/hook' });
      await alice.sendMessage(bot, 'nowhere');
      await until(
        'an error is reported',
        async () => (await ok(emu, bot.token, 'getWebhookInfo')).last_error_message !== undefined,
      );
      const info = await ok(emu, bot.token, 'getWebhookInfo');
      assert.equal(info.last_error_message, 'Connection timed out');
      assert.equal(typeof info.last_error_date, 'number');
      assert.equal(info.pending_update_count, 1);

      // ip_address replaces the host: a mapped name with a public IP is not delivered either.
      await ok(emu, bot.token, 'setWebhook', {
        url: 'https://mapped.example.org/hook',
        ip_address: '93.184.216.34',
      });
      const withIp = await ok(emu, bot.token, 'getWebhookInfo');
      assert.equal(withIp.ip_address, '93.184.216.34');
      await until(
        'an error is reported',
        async () => (await ok(emu, bot.token, 'getWebhookInfo')).last_error_message !== undefined,
      );
      await sleep(100);
      assert.equal(hook.hits.length, 0, 'nothing reached the loopback server');

      // Without ip_address the mapped name reaches the receiver: the pending update arrives.
      await ok(emu, bot.token, 'setWebhook', { url: 'https://mapped.example.org/hook' });
      await until('delivered', () => hook.hits.length === 1);
      assert.equal(hook.hits[0]?.text, 'nowhere');
    } finally {
      await emu.routeWebhook('https://mapped.example.org', null);
      await hook.close();
    }
  });

  test('setWebhook refuses what Telegram refuses', async () => {
    const bot = await emu.createBot();
    const refused = async (params: Record<string, string>): Promise<string | undefined> => {
      const response = await fetch(`${emu.baseUrl}${bot.token}/setWebhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
      });
      const body = (await response.json()) as { ok: boolean; description?: string };
      assert.equal(response.status, 400, `${params.url} is refused`);
      return body.description;
    };
    assert.equal(
      await refused({ url: 'https://bot.example.org:8080/hook' }),
      'Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443',
    );
    assert.equal(
      await refused({ url: 'http://bot.example.org/hook' }),
      'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
    );
    assert.equal(
      await refused({ url: 'https://bot.example.org/hook', ip_address: '10.1.2.3' }),
      'Bad Request: bad webhook: IP address 10.1.2.3 is reserved',
    );
    for (const url of [
      'https://bot.example.org:8443/hook',
      'https://bot.example.org:88/',
      'http://127.0.0.1:1/x',
    ]) {
      const answer = await call(emu, bot.token, 'setWebhook', { url });
      assert.equal(answer.body.ok, true, `${url} is accepted: ${answer.body.description}`);
    }
    await ok(emu, bot.token, 'deleteWebhook');
  });
});
