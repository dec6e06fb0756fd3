import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Emulator } from '../../src/testing/index.js';
import { call, checkAnswer, ok } from './helpers.js';

describe('emulator server', () => {
  let emu: Emulator;
  before(async () => {
    emu = await Emulator.start({ maxJsonBytes: 64 * 1024, maxUploadBytes: 256 * 1024 });
  });
  after(() => emu.stop());

  test('issues tokens shaped like Telegram tokens, one per bot', async () => {
    const one = await emu.createBot({ username: 'first_bot' });
    const two = await emu.createBot({ username: 'second_bot', firstName: 'Second' });
    assert.match(one.token, /^\d+:[A-Za-z0-9_-]{35}$/);
    assert.notEqual(one.token, two.token);
    assert.equal((await ok(emu, one.token, 'getMe')).username, 'first_bot');
    const me = await ok(emu, two.token, 'getMe');
    assert.equal(me.first_name, 'Second');
    assert.equal(me.is_bot, true);
    assert.equal(me.id, two.id);
  });

  test('answers 401 for an unknown token and 404 for an unknown method', async () => {
    const bot = await emu.createBot();
    const unknownToken = await call(emu, '123:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'getMe');
    assert.equal(unknownToken.status, 401);
    assert.deepEqual(unknownToken.body, { ok: false, error_code: 401, description: 'Unauthorized' });
    const unknownMethod = await fetch(`${emu.baseUrl}${bot.token}/noSuchMethod`);
    assert.equal(unknownMethod.status, 404);
    assert.deepEqual(await unknownMethod.json(), { ok: false, error_code: 404, description: 'Not Found' });
    const root = await fetch(`${emu.origin}/`);
    assert.equal(root.status, 404);
  });

  test('matches method names case-insensitively and accepts GET with a query string', async () => {
    const bot = await emu.createBot();
    const response = await fetch(`${emu.baseUrl}${bot.token}/GETME`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { result: { id: number } };
    assert.equal(body.result.id, bot.id);
    const alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendMessage(bot, 'hello');
    const viaQuery = await fetch(
      `${emu.baseUrl}${bot.token}/sendmessage?chat_id=${alice.id}&text=from%20query`,
    );
    const sent = (await viaQuery.json()) as { ok: boolean; result: { text: string } };
    assert.equal(sent.ok, true);
    assert.equal(sent.result.text, 'from query');
  });

  test('decodes urlencoded forms, including JSON-serialized objects', async () => {
    const bot = await emu.createBot();
    const alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendMessage(bot, 'hello');
    const markup = JSON.stringify({ inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] });
    const response = await fetch(`${emu.baseUrl}${bot.token}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({
        chat_id: String(alice.id),
        text: 'menu',
        reply_markup: markup,
        protect_content: 'true',
      }),
    });
    const body = (await response.json()) as { ok: boolean; result: Record<string, unknown> };
    checkAnswer('sendMessage', { status: response.status, body });
    assert.equal(body.ok, true);
    assert.deepEqual(body.result.reply_markup, { inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] });
    assert.equal(body.result.has_protected_content, true);
  });

  test('accepts multipart uploads and serves the stored file back', async () => {
    const bot = await emu.createBot();
    const alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendMessage(bot, 'hello');
    const bytes = new Uint8Array([1, 2, 3, 4, 5, 250]);
    const form = new FormData();
    form.set('chat_id', String(alice.id));
    form.set('caption', 'a file');
    form.set('document', new Blob([bytes], { type: 'application/x-test' }), 'data.bin');
    const response = await fetch(`${emu.baseUrl}${bot.token}/sendDocument`, { method: 'POST', body: form });
    const body = (await response.json()) as { ok: boolean; result: { document: Record<string, unknown> } };
    checkAnswer('sendDocument', { status: response.status, body });
    assert.equal(body.result.document.file_name, 'data.bin');
    assert.equal(body.result.document.mime_type, 'application/x-test');
    const file = await ok(emu, bot.token, 'getFile', { file_id: body.result.document.file_id });
    const download = await fetch(`${emu.fileBaseUrl}${bot.token}/${file.file_path}`);
    assert.equal(download.status, 200);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), bytes);
    const attached = new FormData();
    attached.set('chat_id', String(alice.id));
    attached.set(
      'media',
      JSON.stringify([
        { type: 'document', media: 'attach://one' },
        { type: 'document', media: 'attach://two' },
      ]),
    );
    attached.set('one', new Blob([new Uint8Array([1])]), 'one.txt');
    attached.set('two', new Blob([new Uint8Array([2])]), 'two.txt');
    const album = await fetch(`${emu.baseUrl}${bot.token}/sendMediaGroup`, {
      method: 'POST',
      body: attached,
    });
    const albumBody = (await album.json()) as { ok: boolean; result: { document: { file_name: string } }[] };
    assert.deepEqual(
      albumBody.result.map((message) => message.document.file_name),
      ['one.txt', 'two.txt'],
    );
    const wrongToken = await fetch(`${emu.fileBaseUrl}${bot.token.replace(/.$/, '!')}/${file.file_path}`);
    assert.equal(wrongToken.status, 401);
  });

  test('bounds request bodies with a clean error', async () => {
    const bot = await emu.createBot();
    const big = await fetch(`${emu.baseUrl}${bot.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: 1, text: 'x'.repeat(100 * 1024) }),
    });
    assert.equal(big.status, 413);
    assert.deepEqual(await big.json(), {
      ok: false,
      error_code: 413,
      description: 'Request Entity Too Large',
    });
    const form = new FormData();
    form.set('chat_id', '1');
    form.set('document', new Blob([new Uint8Array(300 * 1024)]), 'big.bin');
    const upload = await fetch(`${emu.baseUrl}${bot.token}/sendDocument`, { method: 'POST', body: form });
    assert.equal(upload.status, 413);
    const broken = await fetch(`${emu.baseUrl}${bot.token}/getMe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    assert.equal(broken.status, 400);
  });

  test('stops cleanly while a long poll is waiting', async () => {
    const other = await Emulator.start();
    const bot = await other.createBot();
    const pending = fetch(`${other.baseUrl}${bot.token}/getUpdates?timeout=30`).then(
      (response) => response.status,
      () => 'closed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await other.stop();
    assert.ok(['closed', 200].includes(await pending));
  });
});
