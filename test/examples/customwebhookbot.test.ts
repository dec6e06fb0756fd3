import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { type RunningBot, type StartBotOptions, startBot } from '../../examples/customwebhookbot.js';
import { Emulator } from '../../src/testing/index.js';

const SECRET = 'webhook_secret-123';
const MAX_BODY = 64 * 1024;

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

/** A port that was free a moment ago (the bot's public URL must name it before it listens). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Starts the bot on a port that was free a moment ago. Test files run in parallel, so another
 * process may take the port in between: a taken port is retried with a new one.
 */
async function startOnFreePort(
  options: Omit<StartBotOptions, 'port' | 'url'>,
): Promise<{ bot: RunningBot; port: number; url: string }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    try {
      return { bot: await startBot({ ...options, port, url }), port, url };
    } catch (error) {
      if (attempt === 5 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
}

interface Reply {
  readonly status: number;
  readonly text: string;
}

interface Call {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** Sent with a content-length, or chunked (no length) when `chunked` is set. */
  readonly body?: Buffer | string;
  readonly chunked?: boolean;
}

/**
 * One request to the bot's server on a fresh connection. A server may answer before it has read
 * the whole body and then close the connection: the answer counts, a later write error does not.
 */
function call(port: number, path: string, options: Call = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    if (body !== undefined && options.chunked !== true) headers['content-length'] = String(body.length);
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers,
        agent: false,
        timeout: 3000,
      },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer within 3 s`)));
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (body === undefined) {
      req.end();
    } else if (options.chunked === true) {
      // Several chunks, so that the size is known only while reading.
      for (let offset = 0; offset < body.length; offset += 16 * 1024) {
        req.write(body.subarray(offset, offset + 16 * 1024));
      }
      req.end();
    } else {
      req.end(body);
    }
  });
}

test('customwebhookbot: webhook updates, custom payload updates, health check, secret and size checks', async () => {
  const info = await emu.createBot({ username: 'seed_custom_webhook_bot' });
  const alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
  const admin = await emu.createUser({ firstName: 'Ada', username: 'ada_admin' });
  const { bot, port, url } = await startOnFreePort({
    token: info.token,
    baseUrl: emu.baseUrl,
    adminChatId: admin.id,
    secretToken: SECRET,
    maxBodyBytes: MAX_BODY,
  });
  try {
    const state = await emu.control.call<{ webhook_url: string | null }>('GET', 'bot', { bot_id: info.id });
    assert.equal(state.webhook_url, `${url}/telegram`);

    // Telegram -> webhook -> bot -> reply.
    await alice.sendCommand(info, '/start');
    const instructions = await alice.expectMessage({ text: /healthcheck/, timeoutMs: 3000 });
    assert.equal(
      instructions.text,
      `To check if the bot is still running, call ${url}/healthcheck.\n\n` +
        `To post a custom update, call ${url}/submitpayload?user_id=<your user id>&payload=<payload>.`,
    );
    assert.deepEqual(
      (instructions.entities as { type: string }[]).map((entity) => entity.type),
      ['code', 'code'],
    );
    // The admin talks to the bot once, so that the bot may write to them.
    await admin.sendCommand(info, '/start');
    await admin.expectMessage({ text: /healthcheck/, timeoutMs: 3000 });

    const health = await call(port, '/healthcheck');
    assert.deepEqual(health, { status: 200, text: 'The bot is still running fine :)' });

    // Custom updates: each payload reaches the admin with the user's earlier ones (userData).
    const first = await call(
      port,
      `/submitpayload?user_id=${alice.id}&payload=${encodeURIComponent('<b>one</b>')}`,
    );
    assert.deepEqual(first, { status: 200, text: "Thank you for the submission! It's being forwarded." });
    const forwarded = await admin.expectMessage({ text: /new payload/, timeoutMs: 3000 });
    assert.equal(
      forwarded.text,
      'The user Alice has sent a new payload. So far they have sent the following payloads: \n\n• <b>one</b>',
    );
    const mention = (forwarded.entities as { type: string; user?: { id: number } }[]).find(
      (entity) => entity.type === 'text_mention',
    );
    assert.equal(mention?.user?.id, alice.id);

    const second = await call(port, `/submitpayload?user_id=${alice.id}&payload=two`, { method: 'POST' });
    assert.equal(second.status, 200);
    const both = await admin.expectMessage({ text: /new payload/, timeoutMs: 3000 });
    assert.match(both.text ?? '', /\n\n• <b>one<\/b>\n• two$/);

    // Bad custom requests are refused and queue nothing.
    assert.equal((await call(port, `/submitpayload?user_id=${alice.id}`)).status, 400);
    assert.equal((await call(port, '/submitpayload?user_id=alice&payload=x')).status, 400);
    assert.equal((await call(port, '/healthcheck', { method: 'POST' })).status, 405);
    assert.equal((await call(port, '/nowhere')).status, 404);

    // A forged Telegram update: without the right secret it is refused and never handled.
    const forged = JSON.stringify({
      update_id: 999_999,
      message: {
        message_id: 999,
        date: Math.floor(Date.now() / 1000),
        chat: { id: alice.id, type: 'private', first_name: 'Alice' },
        from: { id: alice.id, is_bot: false, first_name: 'Alice' },
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    });
    const json = { 'content-type': 'application/json' };
    const wrong = await call(port, '/telegram', {
      method: 'POST',
      headers: { ...json, 'x-telegram-bot-api-secret-token': `${SECRET}x` },
      body: forged,
    });
    assert.equal(wrong.status, 403);
    const missing = await call(port, '/telegram', { method: 'POST', headers: json, body: forged });
    assert.equal(missing.status, 403);
    assert.equal(
      (await call(port, '/telegram', { headers: { 'x-telegram-bot-api-secret-token': SECRET } })).status,
      405,
    );
    await alice.expectNoMessage({ timeoutMs: 300 });

    // Oversized bodies are refused, whether announced by content-length or found while reading.
    const big = Buffer.alloc(MAX_BODY * 4, 0x20);
    const withSecret = { ...json, 'x-telegram-bot-api-secret-token': SECRET };
    const declared = await call(port, '/telegram', { method: 'POST', headers: withSecret, body: big });
    assert.equal(declared.status, 413);
    const streamed = await call(port, '/telegram', {
      method: 'POST',
      headers: withSecret,
      body: big,
      chunked: true,
    });
    assert.equal(streamed.status, 413);
    // Malformed JSON with the right secret: 400, nothing queued.
    const garbage = await call(port, '/telegram', {
      method: 'POST',
      headers: withSecret,
      body: '{"update_id":',
    });
    assert.equal(garbage.status, 400);

    // The bot still works after all of that.
    await alice.sendCommand(info, '/start');
    await alice.expectMessage({ text: /healthcheck/, timeoutMs: 3000 });
  } finally {
    await bot.stop();
  }
});
