// What runWebhook checks and tells at start, against the emulator: a warning when no secret token
// is set, getWebhookInfo read back after setWebhook (another URL, a pending delivery error), and
// the optional health route of the built-in server.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/index.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { Update } from '../../src/generated/types.js';
import { Emulator } from '../../src/testing/index.js';
import { recordingLogger } from './helpers.js';
import { rawRequest, textUpdateJSON, until, updatePost } from './webhook-helpers.js';

const SECRET = 'startup_Secret-7';

function portOf(app: Application): number {
  const address = app.updater?.webhookAddress;
  return typeof address === 'object' && address !== undefined ? address.port : 0;
}

function warningsMatching(logger: ReturnType<typeof recordingLogger>, pattern: RegExp): string[] {
  return logger.warnings.map((entry) => String(entry[0])).filter((message) => pattern.test(message));
}

/** A loopback port nothing listens on (a server opened and closed again). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('runWebhook at start (emulator)', () => {
  let emu: Emulator;

  before(async () => {
    emu = await Emulator.start({ webhookRetryBaseMs: 20, webhookRetryMaxMs: 100 });
  });

  after(async () => {
    await emu.stop();
  });

  async function appFor(username: string) {
    const bot = await emu.createBot({ username });
    const logger = recordingLogger();
    const app = Application.builder().token(bot.token).baseUrl(emu.baseUrl).logger(logger).build();
    return { bot, app, logger };
  }

  it('warns once, saying how to set one, when the webhook runs without a secret token', async () => {
    const { app, logger } = await appFor('nosecret_bot');
    const running = app.runWebhook({ port: 0, stopSignals: [] });
    await until(() => app.running, 'runWebhook to start');
    app.stopRunning();
    await running;
    const warned = warningsMatching(logger, /secret token/);
    assert.equal(warned.length, 1, `one warning, got ${JSON.stringify(logger.warnings)}`);
    assert.match(warned[0] as string, /secretToken/);

    const guarded = await appFor('secret_bot');
    const again = guarded.app.runWebhook({ port: 0, secretToken: SECRET, stopSignals: [] });
    await until(() => guarded.app.running, 'runWebhook to start');
    guarded.app.stopRunning();
    await again;
    assert.deepEqual(warningsMatching(guarded.logger, /secret token/), []);
    assert.deepEqual(guarded.logger.warnings, [], 'a clean start warns about nothing');
  });

  it('reads the webhook back: a delivery error Telegram reports is logged once', async () => {
    const { bot, app, logger } = await appFor('lasterror_bot');
    const dave = await emu.createUser({ firstName: 'Dave' });
    await dave.sendMessage(bot, 'waiting');
    // The public URL leads (through the emulator's route, the "proxy") to a port nobody serves.
    await emu.routeWebhook('https://lasterror.example.org', `http://127.0.0.1:${await closedPort()}`);
    // Let the emulator try (and fail) a delivery before the updater reads the webhook back.
    const readBack = app.bot.getWebhookInfo.bind(app.bot);
    app.bot.getWebhookInfo = async (...args) => {
      let info = await readBack(...args);
      const deadline = Date.now() + 5000;
      while (info.last_error_message === undefined && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        info = await readBack(...args);
      }
      return info;
    };
    const running = app.runWebhook({
      port: 0,
      secretToken: SECRET,
      webhookUrl: 'https://lasterror.example.org/hook',
      stopSignals: [],
    });
    await until(() => app.running, 'runWebhook to start');
    app.stopRunning();
    await running;
    await emu.routeWebhook('https://lasterror.example.org', null);
    const warned = warningsMatching(logger, /last webhook delivery failed/);
    assert.equal(warned.length, 1, `one warning, got ${JSON.stringify(logger.warnings)}`);
    assert.match(warned[0] as string, /Connection refused/);
    assert.match(warned[0] as string, /1 updates pending/);
  });

  it('reads the webhook back: a URL another instance set is logged', async () => {
    const { bot, app, logger } = await appFor('otherurl_bot');
    const rival = Application.builder().token(bot.token).baseUrl(emu.baseUrl).updater(null).build();
    const readBack = app.bot.getWebhookInfo.bind(app.bot);
    app.bot.getWebhookInfo = async (...args) => {
      // Another instance of the bot sets its own webhook between our setWebhook and the read-back.
      await rival.bot.setWebhook('http://127.0.0.1:9/elsewhere');
      return readBack(...args);
    };
    const running = app.runWebhook({ port: 0, secretToken: SECRET, stopSignals: [] });
    await until(() => app.running, 'runWebhook to start');
    app.stopRunning();
    await running;
    await rival.bot.shutdown();
    assert.equal(
      warningsMatching(logger, /different webhook URL/).length,
      1,
      JSON.stringify(logger.warnings),
    );
  });

  it('healthPath: GET answers JSON health without the secret; other methods 405; off by default', async () => {
    const { bot, app } = await appFor('health_bot');
    const erin = await emu.createUser({ firstName: 'Erin' });
    app.addHandler(
      new TypeHandler(Update, async (update, context) => {
        await context.bot.sendMessage(update.message!.chat.id, `ok: ${update.message?.text}`);
      }),
    );
    const running = app.runWebhook({
      port: 0,
      urlPath: 'hook',
      healthPath: '/healthz',
      secretToken: SECRET,
      stopSignals: [],
    });
    try {
      await until(() => app.running, 'runWebhook to start');
      const port = portOf(app);
      const before = await rawRequest({ port }, { method: 'GET', path: '/healthz' });
      assert.equal(before.status, 200);
      assert.match(String(before.headers['content-type']), /application\/json/);
      const fresh = JSON.parse(before.body);
      assert.equal(fresh.ok, true);
      assert.equal(fresh.lastUpdateAt, null);
      assert.equal(fresh.updatesInFlight, 0);
      assert.equal(typeof fresh.updatesQueued, 'number');

      await erin.sendMessage(bot, 'ping');
      await erin.expectMessage({ text: 'ok: ping', timeoutMs: 5000 });
      const later = JSON.parse((await rawRequest({ port }, { method: 'GET', path: '/healthz?x=1' })).body);
      assert.equal(typeof later.lastUpdateAt, 'string');
      assert.ok(Date.now() - Date.parse(later.lastUpdateAt) < 60_000, 'lastUpdateAt is recent');

      const posted = await rawRequest({ port }, updatePost(textUpdateJSON(1, 'x'), SECRET, '/healthz'));
      assert.equal(posted.status, 405);
      // The webhook path itself still wants the secret.
      const forged = await rawRequest({ port }, updatePost(textUpdateJSON(2, 'x'), undefined, '/hook'));
      assert.equal(forged.status, 403);
    } finally {
      app.stopRunning();
      await running;
    }

    const plain = await appFor('nohealth_bot');
    const again = plain.app.runWebhook({ port: 0, secretToken: SECRET, stopSignals: [] });
    try {
      await until(() => plain.app.running, 'runWebhook to start');
      const answer = await rawRequest({ port: portOf(plain.app) }, { method: 'GET', path: '/healthz' });
      assert.equal(answer.status, 404);
    } finally {
      plain.app.stopRunning();
      await again;
    }
  });
});
