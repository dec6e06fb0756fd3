// The web chat in a real browser (Debian's Chromium, headless, driven by playwright-core): a person
// talks to the example bots, presses buttons, votes, uses inline mode and switches users, and
// sees the bot's answers, edits and deletions arrive live. Skipped, saying why, where /usr/bin/chromium is absent.
// With WEBCHAT_SCREENSHOT=1 the inline keyboard test also writes docs/webchat.png for the README.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Bot, InputFile } from 'grammy';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { buildApplication as echoBot } from '../../examples/echobot.js';
import { buildApplication as inlineKeyboardBot } from '../../examples/inlinekeyboard.js';
import type { Application } from '../../src/ext/index.js';
import { Emulator } from '../../src/testing/index.js';
import { pngImage } from '../helpers/images.js';
import { PROJECT_ROOT } from '../helpers/spec.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
/** Every wait for the page is bounded by this. */
const WAIT_MS = 10_000;

/** Runs one of the examples' applications in this process against the emulator. */
async function withApp(app: Application, body: () => Promise<void>): Promise<void> {
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await body();
  } finally {
    app.stopRunning();
    await running;
  }
}

describe('web chat in Chromium', { skip }, () => {
  let browser: Browser;
  let shots: string;
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    shots = mkdtempSync(join(tmpdir(), 'webchat-'));
  });
  after(async () => {
    await browser?.close();
    if (shots !== undefined) rmSync(shots, { recursive: true, force: true });
  });

  /** A fresh page on the emulator's web chat; page errors fail the test. */
  async function open(emu: Emulator): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.setDefaultTimeout(WAIT_MS);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(emu.uiUrl ?? '');
    await page.locator('#status', { hasText: 'live' }).waitFor();
    return { page, errors };
  }

  async function send(page: Page, text: string): Promise<void> {
    await page.fill('#composer-input', text);
    await page.press('#composer-input', 'Enter');
  }

  const bubble = (page: Page, text: string | RegExp) => page.locator('#messages .msg', { hasText: text });

  test('echobot: /start is answered with a greeting, and a message comes back', async () => {
    await using emu = await Emulator.start({ ui: true });
    const info = await emu.createBot({ username: 'echo_bot' });
    await emu.createUser({ firstName: 'Alice' });
    await withApp(echoBot(info.token, emu.baseUrl), async () => {
      const { page, errors } = await open(emu);
      await send(page, '/start');
      await bubble(page, 'Hi Alice!').waitFor();
      await send(page, 'Hello, <b>bot</b>!');
      // Sent as text, shown as text: the angle brackets are characters, not markup.
      await page.locator('#messages .msg.in .text', { hasText: 'Hello, <b>bot</b>!' }).waitFor();
      assert.equal(await page.locator('#messages b').count(), 0, 'no HTML from message text');
      await page.locator('#log summary', { hasText: 'sendMessage ok' }).first().waitFor();
      // A user created elsewhere (here by the test) joins the list without a reload.
      await emu.createUser({ firstName: 'Carol' });
      await page.locator('#user-select option', { hasText: 'Carol' }).waitFor({ state: 'attached' });
      assert.deepEqual(errors, [], 'no script errors');
      await page.close();
    });
  });

  test('inlinekeyboard: pressing Option 2 edits the menu message live; screenshot', async () => {
    await using emu = await Emulator.start({ ui: true });
    const info = await emu.createBot({ username: 'inline_keyboard_bot' });
    await emu.createUser({ firstName: 'Alice' });
    await withApp(inlineKeyboardBot(info.token, emu.baseUrl), async () => {
      const { page, errors } = await open(emu);
      await send(page, '/start');
      const menu = bubble(page, 'Please choose:');
      await menu.getByRole('button', { name: 'Option 2' }).click();
      await bubble(page, 'Selected option: 2').waitFor();
      assert.equal(await menu.count(), 0, 'the menu message itself was edited');
      const edited = bubble(page, 'Selected option: 2');
      assert.match((await edited.locator('.time').textContent()) ?? '', /^edited /, 'marked as edited');
      assert.equal(await edited.locator('.inline-kb').count(), 0, 'the edit dropped the keyboard');
      await send(page, '/help');
      await bubble(page, 'Use /start to test this bot.').waitFor();
      // A second menu, its buttons live, for the picture.
      await send(page, '/start');
      await bubble(page, 'Please choose:').getByRole('button', { name: 'Option 3' }).waitFor();
      await page.locator('#log summary', { hasText: 'editMessageText' }).click();
      const file = join(shots, 'webchat.png');
      await page.screenshot({ path: file });
      assert.ok(statSync(file).size > 10_000, 'a screenshot was saved');
      if (process.env.WEBCHAT_SCREENSHOT === '1') {
        await page.screenshot({ path: join(PROJECT_ROOT, 'docs', 'webchat.png') });
      }
      assert.deepEqual(errors, [], 'no script errors');
      await page.close();
    });
  });

  test('a grammY bot: entities, photos, callback toasts and alerts, polls, inline mode, users', async () => {
    await using emu = await Emulator.start({ ui: true });
    const info = await emu.createBot({ username: 'grammy_ui_bot', canReadAllGroupMessages: true });
    const alice = await emu.createUser({ firstName: 'Alice' });
    await emu.createGroup({ title: 'Tea club', members: [alice], bots: [info] });
    const bot = new Bot(info.token, { client: { apiRoot: emu.origin } });
    bot.command('fmt', (ctx) =>
      ctx.reply('bold secret link <i>x</i>', {
        entities: [
          { type: 'bold', offset: 0, length: 4 },
          { type: 'spoiler', offset: 5, length: 6 },
          { type: 'text_link', offset: 12, length: 4, url: 'https://example.org/' },
          { type: 'text_link', offset: 17, length: 8, url: 'javascript:alert(1)' },
        ],
        reply_markup: {
          inline_keyboard: [
            [
              { text: 'Toast', callback_data: 'toast' },
              { text: 'Alert', callback_data: 'alert' },
            ],
            [{ text: 'Delete', callback_data: 'delete' }],
          ],
        },
      }),
    );
    bot.callbackQuery('toast', (ctx) => ctx.answerCallbackQuery({ text: 'Saved!' }));
    bot.callbackQuery('delete', async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.deleteMessage();
    });
    bot.callbackQuery('alert', (ctx) => ctx.answerCallbackQuery({ text: 'Are you sure?', show_alert: true }));
    bot.command('photo', (ctx) =>
      ctx.replyWithPhoto(new InputFile(pngImage(64, 48), 'photo.png'), { caption: 'a photo' }),
    );
    bot.command('poll', (ctx) =>
      ctx.replyWithPoll('Tea or coffee?', ['Tea', 'Coffee'], { is_anonymous: false }),
    );
    bot.on('inline_query', (ctx) =>
      ctx.answerInlineQuery([
        {
          type: 'article',
          id: 'up',
          title: `Upper: ${ctx.inlineQuery.query.toUpperCase()}`,
          input_message_content: { message_text: ctx.inlineQuery.query.toUpperCase() },
        },
      ]),
    );
    bot.command('kb', (ctx) =>
      ctx.reply('Pick one', {
        reply_markup: { keyboard: [[{ text: 'Yes' }, { text: 'No' }]], one_time_keyboard: true },
      }),
    );
    bot.on('message:text', (ctx) => ctx.reply(`${ctx.from.first_name} said ${ctx.message.text}`));
    let started: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      started = resolve;
    });
    const polling = bot.start({ onStart: () => started(), timeout: 1 });
    try {
      await ready;
      const { page, errors } = await open(emu);
      // The group (where the bot joined) has the latest activity, so it is listed first.
      await page.locator('.chat-item', { hasText: '@grammy_ui_bot' }).click();
      await page.locator('#chat-title', { hasText: '(@grammy_ui_bot)' }).waitFor();

      await send(page, '/fmt');
      const formatted = bubble(page, 'bold secret');
      await formatted.waitFor();
      assert.equal(await formatted.locator('b').textContent(), 'bold');
      assert.equal(await formatted.locator('.spoiler').textContent(), 'secret');
      assert.equal(await formatted.locator('a').getAttribute('href'), 'https://example.org/');
      assert.equal(await formatted.locator('a').count(), 1, 'a javascript: link is not a link');
      assert.equal(await formatted.locator('i').count(), 0, '<i> in the text stays text');

      await formatted.getByRole('button', { name: 'Toast' }).click();
      await page.locator('#toast', { hasText: 'Saved!' }).waitFor();
      await formatted.getByRole('button', { name: 'Alert' }).click();
      await page.locator('#alert', { hasText: 'Are you sure?' }).waitFor();
      await page.locator('#alert-ok').click();
      await page.locator('#alert').waitFor({ state: 'hidden' });
      await formatted.getByRole('button', { name: 'Delete' }).click();
      await formatted.waitFor({ state: 'detached' });

      await send(page, '/photo');
      const photo = bubble(page, 'a photo').locator('img.photo');
      await photo.waitFor();
      // Loaded from the emulator's file store: the decoded image has the size the bot sent.
      await page.waitForFunction("document.querySelector('img.photo')?.naturalWidth === 64");

      await send(page, '/poll');
      const poll = bubble(page, 'Tea or coffee?');
      await poll.getByRole('button', { name: 'Coffee' }).click();
      await poll.getByRole('button', { name: /✓ Coffee — 1/ }).waitFor();
      await page.locator('#log summary', { hasText: 'update poll_answer' }).waitFor();

      await page.fill('#composer-input', '@grammy_ui_bot shout');
      await page.locator('.inline-result', { hasText: 'Upper: SHOUT' }).click();
      await page.locator('#messages .msg.out', { hasText: 'SHOUT' }).waitFor();
      await page.locator('#messages .msg.out .meta', { hasText: 'via @grammy_ui_bot' }).waitFor();

      await send(page, '/kb');
      await page.locator('#reply-keyboard button', { hasText: 'Yes' }).click();
      await bubble(page, 'Alice said Yes').waitFor();
      await page.locator('#reply-keyboard').waitFor({ state: 'hidden' });
      await page.locator('#show-keyboard').waitFor();

      await page.locator('.chat-item', { hasText: 'Tea club' }).click();
      await page.locator('#chat-title', { hasText: 'Tea club' }).waitFor();
      await send(page, 'hello club');
      await bubble(page, 'Alice said hello club').locator('.sender', { hasText: 'grammy_ui_bot' }).waitFor();

      await page.click('#new-user');
      await page.fill('#new-user-name', 'Bob');
      await page.press('#new-user-name', 'Enter');
      await page.locator('#user-select option:checked', { hasText: 'Bob' }).waitFor({ state: 'attached' });
      await page.locator('.service', { hasText: 'No messages yet' }).waitFor();
      await send(page, 'hi from Bob');
      await bubble(page, 'Bob said hi from Bob').waitFor();
      assert.equal(await bubble(page, 'bold secret').count(), 0, "Bob does not see Alice's chat");

      assert.deepEqual(errors, [], 'no script errors');
      await page.close();
    } finally {
      await bot.stop();
      await polling;
    }
  });
});
