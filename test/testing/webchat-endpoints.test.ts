// The web chat's server side, without a browser: the page's files, the JSON endpoints it reads,
// the server-sent events that tell it what changed, and the bounded log of updates and API calls.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, LogEntry, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { pngImage } from '../helpers/images.js';
import { call, drain, ok } from './helpers.js';

type Result<T> = { ok: boolean; result: T; description?: string };

async function read<T>(emu: Emulator, path: string): Promise<T> {
  const response = await fetch(`${emu.origin}/ui/api/${path}`);
  const body = (await response.json()) as Result<T>;
  assert.equal(body.ok, true, `GET /ui/api/${path} failed: ${body.description}`);
  return body.result;
}

describe('web chat off (the default)', () => {
  test('no page, no log, no uiUrl', async () => {
    await using emu = await Emulator.start();
    assert.equal(emu.uiUrl, undefined, 'uiUrl is only set with ui: true');
    assert.equal((await fetch(`${emu.origin}/ui/`)).status, 404, 'the page is not served');
    const bot = await emu.createBot({ username: 'quiet_bot' });
    await ok(emu, bot.token, 'getMe');
    assert.deepEqual(emu.apiLog(), [], 'nothing is logged without the web chat');
  });
});

describe('web chat on', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  before(async () => {
    emu = await Emulator.start({ ui: true });
    bot = await emu.createBot({ username: 'web_bot', firstName: 'Web Bot' });
    alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
  });
  after(() => emu.stop());

  test('serves the page, its style and script from the package, with a strict CSP', async () => {
    assert.equal(emu.uiUrl, `${emu.origin}/ui/`);
    const page = await fetch(emu.uiUrl ?? '');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await page.text();
    assert.match(html, /<script src="app.js"/, 'the page loads its script');
    for (const [file, type] of [
      ['app.js', /^text\/javascript/],
      ['app.css', /^text\/css/],
    ] as const) {
      const response = await fetch(`${emu.origin}/ui/${file}`);
      assert.equal(response.status, 200, `${file} is served`);
      assert.match(response.headers.get('content-type') ?? '', type);
      assert.ok((await response.text()).length > 100, `${file} has content`);
    }
    const bare = await fetch(`${emu.origin}/ui`, { redirect: 'manual' });
    assert.equal(bare.status, 302, '/ui redirects');
    assert.equal(bare.headers.get('location'), '/ui/');
    assert.equal((await fetch(`${emu.origin}/ui/../package.json`)).status, 404, 'no other files');
    assert.equal((await fetch(`${emu.origin}/ui/secret.txt`)).status, 404, 'only the three files');
  });

  test('state lists bots and users, and never a token', async () => {
    const state = await read<{ bots: { id: number; username: string }[]; users: { first_name: string }[] }>(
      emu,
      'state',
    );
    assert.ok(
      state.bots.some((b) => b.id === bot.id && b.username === 'web_bot'),
      'the bot is listed',
    );
    assert.ok(
      state.users.some((u) => u.first_name === 'Alice'),
      'the user is listed',
    );
    assert.ok(!JSON.stringify(state).includes(bot.token), 'no token in the state');
  });

  test('chats and messages: a private chat per bot, messages in order with entities and keyboards', async () => {
    const before = await read<{ bot_id: number; seq: number }[]>(emu, `chats?user_id=${alice.id}`);
    assert.equal(
      before.find((c) => c.bot_id === bot.id)?.seq,
      0,
      'the chat is listed before its first message',
    );
    await alice.sendMessage(bot, 'hello there');
    await drain(emu, bot.token);
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: alice.id,
      text: 'bold and a spoiler',
      entities: [
        { type: 'bold', offset: 0, length: 4 },
        { type: 'spoiler', offset: 11, length: 7 },
      ],
      reply_markup: { inline_keyboard: [[{ text: 'Press', callback_data: 'p' }]] },
    });
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: alice.id,
      text: 'choose',
      reply_markup: { keyboard: [[{ text: 'Yes' }, { text: 'No' }]], one_time_keyboard: true },
    });
    const chats = await read<{ bot_id: number; title: string; summary: string; seq: number }[]>(
      emu,
      `chats?user_id=${alice.id}`,
    );
    const chat = chats.find((c) => c.bot_id === bot.id);
    assert.equal(chat?.title, 'Web Bot');
    assert.equal(chat?.summary, 'choose', 'the chat list shows the latest message');
    const view = await read<{
      messages: { message: Record<string, unknown> }[];
      keyboard: { markup: { keyboard: unknown[] }; collapsed: boolean } | null;
    }>(emu, `messages?user_id=${alice.id}&bot_id=${bot.id}`);
    assert.deepEqual(
      view.messages.map((m) => m.message.text),
      ['hello there', 'bold and a spoiler', 'choose'],
    );
    assert.deepEqual(
      ((view.messages[1]?.message.entities ?? []) as { type: string }[]).map((e) => e.type),
      ['bold', 'spoiler'],
    );
    assert.ok(view.messages[1]?.message.reply_markup, 'the inline keyboard comes with its message');
    assert.equal(view.keyboard?.markup.keyboard.length, 1, 'the reply keyboard is shown to the user');
    assert.equal(view.keyboard?.collapsed, false);

    await ok(emu, bot.token, 'deleteMessage', {
      chat_id: alice.id,
      message_id: view.messages[1]?.message.message_id,
    });
    const afterDelete = await read<{ messages: { message: { text: string } }[] }>(
      emu,
      `messages?user_id=${alice.id}&bot_id=${bot.id}`,
    );
    assert.deepEqual(
      afterDelete.messages.map((m) => m.message.text),
      ['hello there', 'choose'],
      'a deleted message is gone',
    );
  });

  test('a group the user is in is listed with its messages; a bad request is a clear error', async () => {
    const group = await emu.createGroup({ title: 'Team', members: [alice], bots: [bot] });
    await alice.sendMessage(group, 'hi team');
    const chats = await read<{ chat_id: number; type: string; title: string }[]>(
      emu,
      `chats?user_id=${alice.id}`,
    );
    assert.ok(
      chats.some((c) => c.chat_id === group.id && c.type === 'group' && c.title === 'Team'),
      'the group is listed',
    );
    const view = await read<{ messages: { message: { text?: string } }[] }>(
      emu,
      `messages?user_id=${alice.id}&chat_id=${group.id}`,
    );
    assert.ok(
      view.messages.some((m) => m.message.text === 'hi team'),
      'the group message is there',
    );
    const bad = await fetch(`${emu.origin}/ui/api/chats`);
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { description: string }).description, /user_id is empty/);
  });

  test('file serves a photo the bot sent, with its type, and 404 for unknown ids', async () => {
    const form = new FormData();
    form.set('chat_id', String(alice.id));
    form.set('photo', new Blob([pngImage(40, 30)], { type: 'image/png' }), 'dot.png');
    const response = await fetch(`${emu.baseUrl}${bot.token}/sendPhoto`, { method: 'POST', body: form });
    const sent = (await response.json()) as Result<{ photo: { file_id: string }[] }>;
    assert.equal(sent.ok, true, 'sendPhoto works');
    const largest = sent.result.photo.at(-1);
    const file = await fetch(
      `${emu.origin}/ui/api/file?file_id=${encodeURIComponent(largest?.file_id ?? '')}`,
    );
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'image/png');
    assert.match(file.headers.get('content-security-policy') ?? '', /sandbox/, 'a file never runs as a page');
    assert.ok((await file.arrayBuffer()).byteLength > 0, 'the bytes are served');
    assert.equal((await fetch(`${emu.origin}/ui/api/file?file_id=nope`)).status, 404);
  });

  test('the log has each update and each call with parameters, answer and duration', async () => {
    const start = emu.apiLog().at(-1)?.id ?? 0;
    await alice.sendMessage(bot, 'log me');
    await call(emu, bot.token, 'getUpdates', { timeout: 0 });
    await call(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'logged' });
    await call(emu, bot.token, 'sendMessage', { chat_id: 42, text: 'nobody' });
    const entries = emu.apiLog(start);
    const update = entries.find((e) => e.kind === 'update');
    assert.equal(
      (update?.update as { message?: { text?: string } } | undefined)?.message?.text,
      'log me',
      'the update',
    );
    const sent = entries.find((e) => e.method === 'sendMessage' && e.ok === true);
    assert.deepEqual(sent?.params, { chat_id: alice.id, text: 'logged' }, 'the parameters as sent');
    assert.equal((sent?.result as { text?: string } | undefined)?.text, 'logged', 'the answer');
    assert.equal(typeof sent?.duration_ms, 'number', 'the duration');
    assert.equal(sent?.bot_username, 'web_bot');
    const failed = entries.find((e) => e.method === 'sendMessage' && e.ok === false);
    assert.equal(
      (failed?.error as { error_code: number } | undefined)?.error_code,
      400,
      'a failed call keeps the error',
    );
    const ids = entries.map((e) => e.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
      'oldest first',
    );
    assert.ok(!JSON.stringify(emu.apiLog()).includes(bot.token), 'no token in the log');

    const fromHttp = await read<LogEntry[]>(emu, `log?after=${start}`);
    assert.deepEqual(
      fromHttp.map((e) => e.id),
      ids,
      'GET /ui/api/log?after= gives the same entries',
    );
  });

  test('uploads are logged by name and size, not their bytes', async () => {
    const start = emu.apiLog().at(-1)?.id ?? 0;
    const form = new FormData();
    form.set('chat_id', String(alice.id));
    form.set('document', new Blob([Buffer.alloc(3000, 7)], { type: 'text/plain' }), 'notes.txt');
    await fetch(`${emu.baseUrl}${bot.token}/sendDocument`, { method: 'POST', body: form });
    const entry = emu.apiLog(start).find((e) => e.method === 'sendDocument');
    assert.deepEqual((entry?.params as Record<string, unknown> | undefined)?.document, {
      upload: 'notes.txt',
      content_type: 'text/plain',
      bytes: 3000,
    });
  });

  test('events: a change and the new log entries arrive over server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${emu.origin}/ui/api/events`, { signal: controller.signal });
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    const reader = response.body?.getReader();
    assert.ok(reader, 'the stream has a body');
    let text = '';
    const decoder = new TextDecoder();
    const readUntil = async (pattern: RegExp): Promise<void> => {
      const deadline = Date.now() + 5000;
      while (!pattern.test(text)) {
        assert.ok(Date.now() < deadline, `no ${pattern} in the stream: ${text}`);
        const chunk = await reader.read();
        assert.equal(chunk.done, false, 'the stream stays open');
        text += decoder.decode(chunk.value, { stream: true });
      }
    };
    try {
      await readUntil(/: connected/);
      await alice.sendMessage(bot, 'live');
      await readUntil(/event: change\n/);
      await readUntil(/event: log\ndata: \{[^\n]*"live"/);
      const data = /event: log\ndata: (\{[^\n]*"live"[^\n]*)\n/.exec(text)?.[1] ?? '';
      const entry = JSON.parse(data) as LogEntry;
      assert.equal(entry.kind, 'update', 'the log entry is the update');
    } finally {
      controller.abort();
    }
  });
});

describe('webhook bots are logged too', () => {
  test('the update delivered to the webhook and the method in its answer are in the log', async () => {
    await using emu = await Emulator.start({ ui: true });
    const bot = await emu.createBot({ username: 'hook_log_bot' });
    const alice = await emu.createUser({ firstName: 'Alice' });
    // A webhook that answers each update with a sendMessage, as PTB and grammY can.
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const body = JSON.stringify({ method: 'sendMessage', chat_id: alice.id, text: 'from the answer' });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      await ok(emu, bot.token, 'setWebhook', { url: `http://127.0.0.1:${port}/hook` });
      await alice.sendMessage(bot, 'via webhook');
      await alice.expectMessage({ text: 'from the answer', timeoutMs: 5000 });
      const entries = emu.apiLog();
      assert.ok(
        entries.some((e) => e.kind === 'update' && JSON.stringify(e.update).includes('via webhook')),
        'the update is logged',
      );
      const answered = entries.find((e) => e.kind === 'call' && e.method === 'sendMessage');
      assert.equal(answered?.ok, true, 'the call made in the webhook answer is logged with its result');
      assert.equal((answered?.params as { text?: string } | undefined)?.text, 'from the answer');
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  });
});

describe('the log is bounded', () => {
  test('only the last logCapacity entries are kept; oversized ones keep their size only', async () => {
    await using emu = await Emulator.start({ ui: true, logCapacity: 3 });
    const bot = await emu.createBot({ username: 'busy_bot' });
    for (let i = 0; i < 5; i += 1) await ok(emu, bot.token, 'getMe');
    const entries = emu.apiLog();
    assert.equal(entries.length, 3, 'three entries kept');
    assert.deepEqual(
      entries.map((e) => e.id),
      [3, 4, 5],
      'the newest three',
    );
    assert.deepEqual(
      emu.apiLog(3).map((e) => e.id),
      [4, 5],
      'after an id: only the later ones',
    );
    assert.deepEqual(emu.apiLog(5), [], 'nothing after the newest');
    await emu.createUser({ firstName: 'Bob' });
    await call(emu, bot.token, 'setMyDescription', { description: 'x'.repeat(100_000) });
    const big = emu.apiLog().at(-1);
    assert.equal(big?.method, 'setMyDescription');
    assert.equal(big?.params, undefined, 'the huge parameters are dropped');
    assert.ok((big?.truncated?.chars ?? 0) > 100_000, 'the size is kept');
  });
});
