// A grammY bot served over webhooks with grammY's own `webhookCallback(bot, 'http')` on a
// node:http server guarded by a secret token. The simulated users see text replies, a callback
// answer grammY sends in the webhook response (canUseWebhookReply) and an uploaded photo; a slow
// handler in one chat holds that chat's next update but not another chat's.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Bot, InputFile, webhookCallback } from 'grammy';
import type { BotInfo } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { pngImage } from '../helpers/images.js';

const DOT_PNG = pngImage(1, 1);
const SECRET = 'grammy_Secret-2';

/** Polls `check` every 10 ms until it holds or `timeoutMs` passes; returns whether it held. */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

describe('a grammY bot on a node:http webhook', () => {
  let emu: Emulator;
  let info: BotInfo;
  let bot: Bot;
  let server: Server | undefined;
  let port = 0;
  /** Bot API methods the bot called over HTTP (a webhook reply is not one of them). */
  const httpCalls: string[] = [];
  const failures: unknown[] = [];
  /** Text messages as the bot received them: `<first name>:<text>`. */
  const received: string[] = [];
  let releaseSlow: () => void = () => {};
  const slowGate = new Promise<void>((resolve) => {
    releaseSlow = resolve;
  });

  before(async () => {
    emu = await Emulator.start({ webhookRetryBaseMs: 20, webhookRetryMaxMs: 200 });
    info = await emu.createBot({ username: 'grammy_hook_bot' });
    bot = new Bot(info.token, {
      client: {
        apiRoot: emu.origin,
        canUseWebhookReply: (method) => method === 'answerCallbackQuery',
        buildUrl: (root, token, method) => {
          httpCalls.push(method);
          return `${root}/bot${token}/${method}`;
        },
      },
    });
    bot.on('message:text', async (ctx, next) => {
      received.push(`${ctx.from.first_name}:${ctx.message.text}`);
      await next();
    });
    bot.command('start', (ctx) =>
      ctx.reply(`Welcome, ${ctx.from?.first_name}!`, {
        reply_markup: { inline_keyboard: [[{ text: 'Ping', callback_data: 'ping' }]] },
      }),
    );
    bot.callbackQuery('ping', (ctx) => ctx.answerCallbackQuery({ text: 'Pong!' }));
    bot.command('photo', (ctx) =>
      ctx.replyWithPhoto(new InputFile(DOT_PNG, 'dot.png'), { caption: 'A dot' }),
    );
    bot.hears('slow', async (ctx) => {
      await slowGate;
      await ctx.reply('Done: slow');
    });
    bot.on('message:text', (ctx) =>
      ctx.reply(`You said: ${ctx.message.text}`, {
        reply_parameters: { message_id: ctx.message.message_id },
      }),
    );
    bot.catch((error) => {
      failures.push(error);
    });

    const handle = webhookCallback(bot, 'http', { secretToken: SECRET, timeoutMilliseconds: 8000 });
    server = createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        failures.push(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    await bot.api.setWebhook(`http://127.0.0.1:${port}/grammy`, { secret_token: SECRET });
  });

  after(async () => {
    releaseSlow();
    await emu?.stop();
    if (server !== undefined) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
    }
    assert.deepEqual(failures, [], 'the bot or its webhook server failed');
  });

  test('the webhook is set with a secret token that grammY checks', async () => {
    const hook = await bot.api.getWebhookInfo();
    assert.equal(hook.url, `http://127.0.0.1:${port}/grammy`);
    const stranger = await fetch(`http://127.0.0.1:${port}/grammy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'guess' },
      body: JSON.stringify({ update_id: 1 }),
    });
    assert.equal(stranger.status, 401);
    assert.equal(received.length, 0);
  });

  test('a text message is answered with a reply to it', async () => {
    const alice = await emu.createUser({ firstName: 'Alice' });
    const said = await alice.sendMessage(info, 'hello grammY');
    const echo = await alice.expectMessage({ text: 'You said: hello grammY', timeoutMs: 5000 });
    const repliedTo = echo.reply_to_message as { message_id: number } | undefined;
    assert.equal(repliedTo?.message_id, said.message_id);
    const hook = await bot.api.getWebhookInfo();
    assert.equal(hook.last_error_message, undefined, `delivery failed: ${hook.last_error_message}`);
  });

  test('a callback button is answered inside the webhook response', async () => {
    const bob = await emu.createUser({ firstName: 'Bob' });
    await bob.sendCommand(info, '/start');
    const welcome = await bob.expectMessage({ text: 'Welcome, Bob!', timeoutMs: 5000 });
    assert.deepEqual(await bob.clickButton(welcome, 'Ping', { timeoutMs: 5000 }), { text: 'Pong!' });
    // grammY put the answer in the webhook response: it never called answerCallbackQuery itself.
    assert.ok(httpCalls.includes('sendMessage'), 'the HTTP calls are not recorded');
    assert.equal(httpCalls.includes('answerCallbackQuery'), false);
  });

  test('an uploaded photo reaches the user and downloads unchanged', async () => {
    const carol = await emu.createUser({ firstName: 'Carol' });
    await carol.sendCommand(info, '/photo');
    const photo = await carol.expectMessage({ text: 'A dot', timeoutMs: 5000 });
    const sizes = photo.photo as { file_id: string }[] | undefined;
    assert.ok(sizes !== undefined && sizes.length > 0, 'the photo message has no photo sizes');
    const file = await bot.api.getFile(sizes.at(-1)?.file_id ?? '');
    const response = await fetch(`${emu.fileBaseUrl}${info.token}/${file.file_path}`);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), DOT_PNG);
  });

  test('a slow update holds its own chat but not another chat', async () => {
    const dave = await emu.createUser({ firstName: 'Dave' });
    const erin = await emu.createUser({ firstName: 'Erin' });
    const start = received.length;
    await dave.sendMessage(info, 'slow');
    assert.ok(
      await eventually(() => received.includes('Dave:slow'), 5000),
      'the slow update never reached the bot',
    );
    await dave.sendMessage(info, 'after slow');
    await erin.sendMessage(info, 'quick');
    await erin.expectMessage({ text: 'You said: quick', timeoutMs: 5000 });
    // Dave's second message waits until the bot answered the first one's webhook request.
    assert.deepEqual(received.slice(start), ['Dave:slow', 'Erin:quick']);
    // Erin's update is answered, Dave's two are not (the first is still in the bot's handler).
    assert.ok(
      await eventually(async () => (await bot.api.getWebhookInfo()).pending_update_count === 2, 2000),
      "Dave's two updates should be the only pending ones",
    );

    releaseSlow();
    await dave.expectMessage({ text: 'Done: slow', timeoutMs: 5000 });
    await dave.expectMessage({ text: 'You said: after slow', timeoutMs: 5000 });
    assert.deepEqual(received.slice(start), ['Dave:slow', 'Erin:quick', 'Dave:after slow']);
    const transcript = await emu.transcript(dave.chatWith(info));
    assert.deepEqual(transcript.lines(), [
      'Dave: slow',
      'Dave: after slow',
      '@grammy_hook_bot: Done: slow',
      '@grammy_hook_bot: You said: after slow',
    ]);
  });
});
