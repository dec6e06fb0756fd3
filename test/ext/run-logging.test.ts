// What a running bot tells a person through the logger: that it started (as whom, polling or
// webhook where) and stopped, and a failing poll once per streak with when it retries, not a
// stack per attempt. A user's logger plugs in: console-shaped objects and pino.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { afterEach, describe, it } from 'node:test';
import { pino } from 'pino';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/builder.js';
import type { Logger } from '../../src/logging.js';
import { FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';

const ME = { id: 123456789, is_bot: true, first_name: 'Fake', username: 'fake_bot' };

type Level = 'debug' | 'info' | 'warn' | 'error';

function levelLogger(): Logger & {
  readonly lines: Array<{ level: Level; message: string; details: unknown[] }>;
} {
  const lines: Array<{ level: Level; message: string; details: unknown[] }> = [];
  const at =
    (level: Level) =>
    (message: string, ...details: unknown[]): void => {
      lines.push({ level, message, details });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

let server: FakeApiServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A Bot API whose n-th getUpdates (0-based) fails with a 502 while `failing(n)` says so. */
async function flakyApi(failing: (call: number) => boolean): Promise<FakeApiServer> {
  let calls = 0;
  server = await FakeApiServer.start((exchange) => {
    const method = exchange.recorded.path.split('/').pop() ?? '';
    if (method === 'getMe') return exchange.json(200, { ok: true, result: ME });
    if (method !== 'getUpdates') return exchange.json(200, { ok: true, result: true });
    if (failing(calls++))
      return exchange.json(502, { ok: false, error_code: 502, description: 'Bad Gateway' });
    setTimeout(() => exchange.json(200, { ok: true, result: [] }), 20);
  });
  return server;
}

async function until(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the log of a running bot', () => {
  it('says it started as @username with long polling, and that it stopped', async () => {
    const fake = await flakyApi(() => false);
    const logger = levelLogger();
    const app = Application.builder().token(FAKE_TOKEN).baseUrl(`${fake.origin}/bot`).logger(logger).build();
    const running = app.runPolling({ timeout: 0, stopSignals: [] });
    await until(() => logger.lines.some((line) => line.message.startsWith('Started')), 'the start line');
    app.stopRunning();
    await running;
    const info = logger.lines.filter((line) => line.level === 'info').map((line) => line.message);
    assert.deepEqual(
      info,
      [
        'Started as @fake_bot: long polling',
        'Stopping @fake_bot: finishing the updates in progress',
        'Stopped',
      ],
      'three info lines tell the run',
    );
    assert.ok(
      !JSON.stringify(logger.lines).includes(FAKE_TOKEN.split(':')[1] as string),
      'no token in the log',
    );
  });

  it('names the webhook’s origin but not its path, which may hold a secret', async () => {
    const fake = await flakyApi(() => false);
    const logger = levelLogger();
    const app = Application.builder().token(FAKE_TOKEN).baseUrl(`${fake.origin}/bot`).logger(logger).build();
    const running = app.runWebhook({
      listen: '127.0.0.1',
      port: 0,
      urlPath: 'hook-s3cret-path',
      webhookUrl: 'https://bot.example.org/hook-s3cret-path',
      secretToken: 'token-for-the-test',
      stopSignals: [],
    });
    await until(() => logger.lines.some((line) => line.message.startsWith('Started')), 'the start line');
    app.stopRunning();
    await running;
    const started = logger.lines.find((line) => line.message.startsWith('Started'))?.message ?? '';
    assert.match(
      started,
      /^Started as @fake_bot: webhook at https:\/\/bot\.example\.org\/… \(server listening on 127\.0\.0\.1:\d+\)$/,
    );
    assert.ok(!JSON.stringify(logger.lines).includes('s3cret'), 'the secret path is not logged');
  });

  it('tells a failing poll once, with what failed and when it retries, then that it works again', async () => {
    const fake = await flakyApi((call) => call >= 1 && call <= 4);
    const logger = levelLogger();
    const app = Application.builder().token(FAKE_TOKEN).baseUrl(`${fake.origin}/bot`).logger(logger).build();
    const running = app.runPolling({ timeout: 0, stopSignals: [], maxRetryInterval: 0.05 });
    await until(() => logger.lines.some((line) => line.message.includes('works again')), 'the recovery line');
    app.stopRunning();
    await running;
    const warnings = logger.lines.filter((line) => line.level === 'warn');
    assert.equal(warnings.length, 1, 'one warning for four failed polls');
    assert.match(
      warnings[0]?.message ?? '',
      /^getUpdates failed: Bad Gateway \(502\); polling again in 0\.05 s/,
    );
    assert.equal(warnings[0]?.details.length, 0, 'a Telegram error is told by its message, not a stack');
    assert.equal(
      logger.lines.filter(
        (line) => line.level === 'debug' && line.message.includes('getUpdates failed again'),
      ).length,
      3,
      'the repeats go to debug',
    );
    assert.equal(
      logger.lines.filter((line) => line.level === 'error').length,
      0,
      'without error handlers nothing is logged as an error per attempt',
    );
    assert.ok(
      logger.lines.some(
        (line) => line.level === 'info' && /works again after 4 failed attempt/.test(line.message),
      ),
      'the recovery is logged once',
    );
  });

  it('writes through pino as structured lines', async () => {
    const fake = await flakyApi(() => false);
    const written: Array<{ level: number; msg: string }> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n')) {
          if (line !== '') written.push(JSON.parse(line) as { level: number; msg: string });
        }
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const app = Application.builder().token(FAKE_TOKEN).baseUrl(`${fake.origin}/bot`).logger(logger).build();
    const running = app.runPolling({ timeout: 0, stopSignals: [] });
    await until(() => written.some((line) => line.msg.startsWith('Started')), 'the start line in pino');
    app.stopRunning();
    await running;
    assert.ok(
      written.some((line) => line.level === 30 && line.msg === 'Started as @fake_bot: long polling'),
      'the start line arrives at pino’s info level (30)',
    );
  });
});
