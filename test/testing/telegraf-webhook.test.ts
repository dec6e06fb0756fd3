// A Telegraf 4.16 bot served by Telegraf's own webhook support on a node:http server, the way a
// Telegraf user deploys one behind a reverse proxy: `createWebhook({ domain })` sets a public https
// URL, which the emulator routes to the loopback server. The simulated user sees text replies, a
// callback answer Telegraf puts in the webhook response itself (webhookReply) and an uploaded photo.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Markup, Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { BotInfo } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { pngImage } from '../helpers/images.js';

const DOT_PNG = pngImage(1, 1);

/** What the webhook server answered, per request. */
interface Answered {
  readonly status: number;
  readonly contentType: string | undefined;
}

type WebhookHandler = ReturnType<Telegraf['webhookCallback']>;

/** Serves a Telegraf webhook callback on 127.0.0.1, recording each answer and any failure. */
async function serve(
  callback: WebhookHandler,
  answered: Answered[],
  failures: unknown[],
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    res.once('finish', () => {
      const type = res.getHeader('content-type');
      answered.push({ status: res.statusCode, contentType: type === undefined ? undefined : String(type) });
    });
    callback(req, res).catch((error: unknown) => {
      failures.push(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Polls `check` every 10 ms until it holds or `timeoutMs` passes; returns whether it held. */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

async function close(server: Server | undefined): Promise<void> {
  if (server === undefined) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('a Telegraf bot on its own webhook, behind a public URL', () => {
  const SECRET = 'telegraf_Secret-1';
  let emu: Emulator;
  let info: BotInfo;
  let bot: Telegraf;
  let server: Server | undefined;
  let port = 0;
  const answered: Answered[] = [];
  const failures: unknown[] = [];

  before(async () => {
    emu = await Emulator.start({ webhookRetryBaseMs: 20, webhookRetryMaxMs: 200 });
    info = await emu.createBot({ username: 'telegraf_hook_bot' });
    bot = new Telegraf(info.token, { telegram: { apiRoot: emu.origin } });
    bot.start((ctx) =>
      ctx.reply(
        `Welcome, ${ctx.from.first_name}!`,
        Markup.inlineKeyboard([Markup.button.callback('Ping', 'ping')]),
      ),
    );
    bot.action('ping', (ctx) => ctx.answerCbQuery('Pong!'));
    bot.command('photo', (ctx) =>
      ctx.replyWithPhoto({ source: DOT_PNG, filename: 'dot.png' }, { caption: 'A dot' }),
    );
    bot.on(message('text'), (ctx) =>
      ctx.reply(`You said: ${ctx.message.text}`, {
        reply_parameters: { message_id: ctx.message.message_id },
      }),
    );
    bot.catch((error) => {
      failures.push(error);
    });
    const callback = await bot.createWebhook({
      domain: 'bot.example.org',
      path: '/telegraf/hook',
      secret_token: SECRET,
    });
    ({ server, port } = await serve(callback, answered, failures));
    await emu.routeWebhook('https://bot.example.org', `http://127.0.0.1:${port}`);
  });

  after(async () => {
    await emu?.stop();
    await close(server);
    assert.deepEqual(failures, [], 'the bot or its webhook server failed');
  });

  test('createWebhook sets the public https URL with the secret token', async () => {
    const hook = await bot.telegram.getWebhookInfo();
    assert.equal(hook.url, 'https://bot.example.org/telegraf/hook');
    // Telegraf refuses a request without the secret, so only the emulator's deliveries get through.
    const stranger = await fetch(`http://127.0.0.1:${port}/telegraf/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        update_id: 1,
        message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' } },
      }),
    });
    assert.equal(stranger.status, 403);
  });

  test('a text message is answered with a reply to it', async () => {
    const alice = await emu.createUser({ firstName: 'Alice' });
    const said = await alice.sendMessage(info, 'hello Telegraf');
    const echo = await alice.expectMessage({ text: 'You said: hello Telegraf', timeoutMs: 5000 });
    const repliedTo = echo.reply_to_message as { message_id: number } | undefined;
    assert.equal(repliedTo?.message_id, said.message_id);
    assert.ok(
      await eventually(async () => (await bot.telegram.getWebhookInfo()).pending_update_count === 0, 2000),
      'the update should be acknowledged',
    );
    const hook = await bot.telegram.getWebhookInfo();
    assert.equal(hook.last_error_message, undefined, `delivery failed: ${hook.last_error_message}`);
  });

  test('a callback button is answered inside the webhook response', async () => {
    const bob = await emu.createUser({ firstName: 'Bob' });
    await bob.sendCommand(info, '/start');
    const welcome = await bob.expectMessage({ text: 'Welcome, Bob!', timeoutMs: 5000 });
    const jsonAnswersBefore = answered.filter((a) => a.contentType === 'application/json').length;
    assert.deepEqual(await bob.clickButton(welcome, 'Ping', { timeoutMs: 5000 }), { text: 'Pong!' });
    // Telegraf answered the callback query as the webhook's JSON body, not with an API request.
    const jsonAnswers = answered.filter((a) => a.contentType === 'application/json');
    assert.equal(jsonAnswers.length, jsonAnswersBefore + 1);
    assert.equal(jsonAnswers.at(-1)?.status, 200);
  });

  test('an uploaded photo reaches the user and downloads unchanged', async () => {
    const carol = await emu.createUser({ firstName: 'Carol' });
    await carol.sendCommand(info, '/photo');
    const photo = await carol.expectMessage({ text: 'A dot', timeoutMs: 5000 });
    const sizes = photo.photo as { file_id: string; width: number; height: number }[] | undefined;
    assert.ok(sizes !== undefined && sizes.length > 0, 'the photo message has no photo sizes');
    const largest = sizes.at(-1) as { file_id: string; width: number; height: number };
    assert.deepEqual([largest.width, largest.height], [1, 1]);
    const link = await bot.telegram.getFileLink(largest.file_id);
    const downloaded = Buffer.from(await (await fetch(link)).arrayBuffer());
    assert.deepEqual(downloaded, DOT_PNG);
  });
});

describe('a Telegraf webhookCallback on a loopback URL', () => {
  let emu: Emulator;
  let server: Server | undefined;
  const answered: Answered[] = [];
  const failures: unknown[] = [];

  after(async () => {
    await emu?.stop();
    await close(server);
    assert.deepEqual(failures, [], 'the bot or its webhook server failed');
  });

  test('a wrong secret token is refused and retried until setWebhook sends the right one', async () => {
    emu = await Emulator.start({ webhookRetryBaseMs: 20, webhookRetryMaxMs: 100 });
    const info = await emu.createBot({ username: 'telegraf_loop_bot' });
    const bot = new Telegraf(info.token, { telegram: { apiRoot: emu.origin } });
    bot.on(message('text'), (ctx) => ctx.reply(`Got ${ctx.message.text}`));
    bot.catch((error) => {
      failures.push(error);
    });
    let port = 0;
    ({ server, port } = await serve(
      bot.webhookCallback('/hook', { secretToken: 'right_secret' }),
      answered,
      failures,
    ));
    const url = `http://127.0.0.1:${port}/hook`;
    assert.equal(await bot.telegram.setWebhook(url, { secret_token: 'wrong_secret' }), true);

    const alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendMessage(info, 'knock knock');
    let hook = await bot.telegram.getWebhookInfo();
    await eventually(async () => {
      hook = await bot.telegram.getWebhookInfo();
      return hook.last_error_message !== undefined;
    }, 5000);
    assert.equal(hook.last_error_message, 'Wrong response from the webhook: 403 Forbidden');
    assert.equal(hook.pending_update_count, 1);
    await alice.expectNoMessage({ timeoutMs: 200 });

    await bot.telegram.setWebhook(url, { secret_token: 'right_secret' });
    await alice.expectMessage({ text: 'Got knock knock', timeoutMs: 5000 });
    assert.ok(
      await eventually(async () => (await bot.telegram.getWebhookInfo()).pending_update_count === 0, 2000),
      'the update should be acknowledged',
    );
    assert.ok(
      answered.some((a) => a.status === 403) && answered.some((a) => a.status === 200),
      'the server should have refused the wrong secret and accepted the right one',
    );
  });
});
