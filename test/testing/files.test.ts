// Files as Telegram handles them: photos are decoded images with a ladder of sizes, MIME types come
// from file names, and HTTP URLs serve only what the test registered.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { imageInfo } from '../../src/testing/images.js';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { gifImage, jpegImage, pngImage, TINY_PNG, webpImage } from '../helpers/images.js';
import type { Answer } from './helpers.js';
import { call, checkAnswer, drain, fails, nextUpdate, ok } from './helpers.js';

type Size = { file_id: string; file_unique_id: string; file_size: number; width: number; height: number };
type Message = Record<string, unknown> & { message_id: number };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('files', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'files_bot' });
    alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendMessage(bot, '/start');
    await drain(emu, bot.token);
  });
  after(() => emu.stop());

  /** Sends a file as a multipart upload, the way every bot library uploads. */
  async function upload(
    method: string,
    field: string,
    data: Buffer,
    fileName: string,
    contentType = 'application/octet-stream',
  ): Promise<Answer> {
    const form = new FormData();
    form.set('chat_id', String(alice.id));
    form.set(field, new Blob([data], { type: contentType }), fileName);
    const response = await fetch(`${emu.baseUrl}${bot.token}/${method}`, { method: 'POST', body: form });
    const answer: Answer = { status: response.status, body: (await response.json()) as Answer['body'] };
    checkAnswer(method, answer);
    return answer;
  }

  async function photoOf(data: Buffer, name = 'image.bin'): Promise<Size[]> {
    const answer = await upload('sendPhoto', 'photo', data, name);
    assert.equal(answer.body.ok, true, `sendPhoto failed: ${answer.body.description}`);
    return (answer.body.result as { photo: Size[] }).photo;
  }

  const dimensions = (sizes: readonly Size[]): string[] => sizes.map((s) => `${s.width}x${s.height}`);

  async function download(fileId: string): Promise<{ size: number; bytes: Buffer }> {
    const file = await ok(emu, bot.token, 'getFile', { file_id: fileId });
    const response = await fetch(`${emu.fileBaseUrl}${bot.token}/${file.file_path as string}`);
    assert.equal(response.status, 200, `download of ${file.file_path} failed`);
    return { size: file.file_size as number, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  test('a photo that is not an image is refused with IMAGE_PROCESS_FAILED', async () => {
    for (const bytes of [Buffer.from('not an image at all'), Buffer.alloc(0), TINY_PNG.subarray(0, 20)]) {
      const answer = await upload('sendPhoto', 'photo', bytes, 'photo.jpg', 'image/jpeg');
      assert.equal(answer.status, 400);
      assert.equal(answer.body.description, 'Bad Request: IMAGE_PROCESS_FAILED');
    }
    const thin = await upload('sendPhoto', 'photo', pngImage(210, 10), 'thin.png');
    assert.equal(thin.body.description, 'Bad Request: PHOTO_INVALID_DIMENSIONS');
  });

  test('PNG, JPEG, GIF and WebP photos get the size their headers declare', async () => {
    const cases: [string, Buffer][] = [
      ['png', pngImage(30, 20)],
      ['jpeg', jpegImage(33, 17)],
      ['gif', gifImage(7, 5)],
      ['webp (lossless)', webpImage(41, 29)],
      ['webp (extended)', webpImage(12, 70, true)],
    ];
    for (const [name, bytes] of cases) {
      const sizes = await photoOf(bytes);
      const expected = imageInfo(bytes);
      assert.ok(expected, `the test's ${name} image is readable`);
      assert.deepEqual(dimensions(sizes), [`${expected.width}x${expected.height}`], name);
      const { size, bytes: served } = await download(sizes[0]?.file_id ?? '');
      assert.deepEqual(served, bytes, `a ${name} photo at its own size keeps its bytes`);
      assert.equal(size, bytes.length);
    }
  });

  test('photos come as a ladder of sizes up to 1280 px, never enlarged', async () => {
    const big = await photoOf(pngImage(2000, 1000));
    assert.deepEqual(dimensions(big), ['90x45', '320x160', '800x400', '1280x640']);
    assert.equal(new Set(big.map((s) => s.file_id)).size, 4, 'each size has its own file_id');
    assert.equal(new Set(big.map((s) => s.file_unique_id)).size, 4, 'and its own file_unique_id');
    for (const [i, size] of big.entries()) {
      const { size: fileSize, bytes } = await download(size.file_id);
      assert.equal(fileSize, size.file_size);
      assert.equal(bytes.length, size.file_size, 'file_size is the size of the downloaded file');
      const info = imageInfo(bytes);
      assert.deepEqual(info && [info.format, info.width, info.height], ['jpeg', size.width, size.height]);
      if (i > 0) assert.ok(size.file_size > (big[i - 1]?.file_size ?? 0), 'larger sizes take more bytes');
    }
    assert.deepEqual(dimensions(await photoOf(pngImage(100, 50))), ['90x45', '100x50']);
    assert.deepEqual(dimensions(await photoOf(pngImage(600, 800))), ['68x90', '240x320', '600x800']);
    assert.deepEqual(dimensions(await photoOf(pngImage(60, 40))), ['60x40']);
    // Any of the sizes stands for the whole photo when sent again.
    const again = await ok<Message>(emu, bot.token, 'sendPhoto', {
      chat_id: alice.id,
      photo: big[0]?.file_id,
    });
    assert.deepEqual(
      (again.photo as Size[]).map((s) => s.file_unique_id),
      big.map((s) => s.file_unique_id),
    );
    const document = await upload('sendDocument', 'document', Buffer.from('text'), 'a.txt');
    const mismatch = await fails(emu, bot.token, 'sendPhoto', {
      chat_id: alice.id,
      photo: (document.body.result as { document: { file_id: string } }).document.file_id,
    });
    assert.equal(mismatch.body.description, 'Bad Request: type of file mismatch');
  });

  test('an album with one bad photo posts nothing', async () => {
    const before = (await emu.transcript(alice.chatWith(bot))).entries.length;
    const form = new FormData();
    form.set('chat_id', String(alice.id));
    form.set(
      'media',
      JSON.stringify([
        { type: 'photo', media: 'attach://good' },
        { type: 'photo', media: 'attach://bad' },
      ]),
    );
    form.set('good', new Blob([TINY_PNG], { type: 'image/png' }), 'good.png');
    form.set('bad', new Blob([Buffer.from('nope')], { type: 'image/png' }), 'bad.png');
    const response = await fetch(`${emu.baseUrl}${bot.token}/sendMediaGroup`, { method: 'POST', body: form });
    const body = (await response.json()) as Answer['body'];
    assert.equal(body.description, 'Bad Request: IMAGE_PROCESS_FAILED');
    assert.equal((await emu.transcript(alice.chatWith(bot))).entries.length, before);
  });

  test("simulated users' photos are read the same way, or made up when given no bytes", async () => {
    await alice.sendPhoto(bot, { data: jpegImage(400, 300), fileName: 'cat.jpg' });
    const sent = await nextUpdate(emu, bot.token, 'message');
    assert.deepEqual(dimensions(sent.photo as Size[]), ['90x68', '320x240', '400x300']);
    await alice.sendPhoto(bot, { fileName: 'empty.jpg' });
    const made = (await nextUpdate(emu, bot.token, 'message')).photo as Size[];
    const largest = made.at(-1);
    assert.ok(largest, 'a photo has sizes');
    const info = imageInfo((await download(largest.file_id)).bytes);
    assert.deepEqual(info && [info.width, info.height], [largest.width, largest.height]);
    await assert.rejects(alice.sendPhoto(bot, { data: Buffer.from('junk'), fileName: 'x.jpg' }), {
      description: 'Bad Request: IMAGE_PROCESS_FAILED',
    });
  });

  test('MIME types follow the file name, not the declared Content-Type', async () => {
    const cases: [method: string, field: string, name: string, declared: string, mime: string][] = [
      ['sendDocument', 'document', 'report.pdf', 'application/octet-stream', 'application/pdf'],
      ['sendDocument', 'document', 'Data.JSON', 'text/plain', 'application/json'],
      ['sendDocument', 'document', 'table.xlsx', 'application/octet-stream', XLSX],
      ['sendDocument', 'document', 'notes.custom', 'text/x-custom', 'text/x-custom'],
      ['sendDocument', 'document', 'blob', 'application/octet-stream', 'application/octet-stream'],
      ['sendAudio', 'audio', 'song.mp3', 'application/octet-stream', 'audio/mpeg'],
      ['sendAudio', 'audio', 'track.flac', 'application/octet-stream', 'audio/flac'],
      ['sendVideo', 'video', 'clip.mov', 'application/octet-stream', 'video/quicktime'],
      ['sendVoice', 'voice', 'note.ogg', 'application/octet-stream', 'audio/ogg'],
      ['sendAnimation', 'animation', 'loop.mp4', 'application/octet-stream', 'video/mp4'],
    ];
    for (const [method, field, name, declared, mime] of cases) {
      const answer = await upload(method, field, Buffer.from('payload'), name, declared);
      assert.equal(answer.body.ok, true, `${method} failed: ${answer.body.description}`);
      const media = (answer.body.result as Record<string, { mime_type?: string }>)[field];
      assert.equal(media?.mime_type, mime, `${name} sent as ${declared}`);
    }
    // Telegram turns GIF animations into MP4; their size is the GIF's.
    const gif = await upload('sendAnimation', 'animation', gifImage(16, 9), 'dance.gif', 'image/gif');
    const animation = (gif.body.result as { animation: Record<string, unknown> }).animation;
    assert.deepEqual([animation.mime_type, animation.width, animation.height], ['video/mp4', 16, 9]);
  });

  test('an HTTP URL nobody registered cannot be fetched', async () => {
    for (const [method, field] of [
      ['sendPhoto', 'photo'],
      ['sendDocument', 'document'],
    ] as const) {
      const answer = await fails(emu, bot.token, method, {
        chat_id: alice.id,
        [field]: 'https://nowhere.invalid/file.pdf',
      });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.description, 'Bad Request: failed to get HTTP URL content');
    }
  });

  test('a registered URL behaves as an upload of its bytes', async () => {
    // Through the control API over HTTP, as a test in any language would.
    const pdf = Buffer.from('%PDF-1.4 tiny');
    const registered = await fetch(`${emu.origin}/_emulator/files/register_url`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        url: 'https://example.invalid/docs/report.pdf',
        content_base64: pdf.toString('base64'),
        content_type: 'application/octet-stream',
      }),
    });
    assert.deepEqual(await registered.json(), { ok: true, result: true });
    const sent = await ok<Message>(emu, bot.token, 'sendDocument', {
      chat_id: alice.id,
      document: 'https://example.invalid/docs/report.pdf',
    });
    const document = sent.document as { file_id: string; file_name: string; mime_type: string };
    assert.deepEqual([document.file_name, document.mime_type], ['report.pdf', 'application/pdf']);
    const { size, bytes } = await download(document.file_id);
    assert.deepEqual(bytes, pdf);
    assert.equal(size, pdf.length);

    // Through the TypeScript API; a photo URL gets the image's real sizes.
    await emu.registerUrl('https://example.invalid/photo', pngImage(1600, 1200), {
      contentType: 'image/png',
    });
    const photo = await ok<Message>(emu, bot.token, 'sendPhoto', {
      chat_id: alice.id,
      photo: 'https://example.invalid/photo',
    });
    assert.deepEqual(dimensions(photo.photo as Size[]), ['90x68', '320x240', '800x600', '1280x960']);

    // Contents larger than a JSON body allows go as a multipart form.
    const large = Buffer.alloc(1536 * 1024, 7);
    const form = new FormData();
    form.set('url', 'https://example.invalid/big.zip');
    form.set('content_base64', large.toString('base64'));
    const big = await fetch(`${emu.origin}/_emulator/files/register_url`, { method: 'POST', body: form });
    assert.deepEqual(await big.json(), { ok: true, result: true });
    const zip = await ok<Message>(emu, bot.token, 'sendDocument', {
      chat_id: alice.id,
      document: 'https://example.invalid/big.zip',
    });
    const zipFile = zip.document as { file_id: string; file_size: number; mime_type: string };
    assert.deepEqual([zipFile.file_size, zipFile.mime_type], [large.length, 'application/zip']);
    assert.deepEqual((await download(zipFile.file_id)).bytes, large);
    await emu.registerUrl('https://example.invalid/big.bin', large);
    const bin = await ok<Message>(emu, bot.token, 'sendDocument', {
      chat_id: alice.id,
      document: 'https://example.invalid/big.bin',
    });
    assert.equal((bin.document as { file_size: number }).file_size, large.length);
    await assert.rejects(emu.registerUrl('ftp://example.invalid/x', 'x'), {
      description: 'Bad Request: url must be an HTTP or HTTPS URL',
    });

    await emu.registerUrl('https://example.invalid/page.html', '<html>hello</html>');
    const page = await fails(emu, bot.token, 'sendPhoto', {
      chat_id: alice.id,
      photo: 'https://example.invalid/page.html',
    });
    assert.equal(page.body.description, 'Bad Request: wrong type of the web page content');
    const notUrl = await call(emu, bot.token, 'sendDocument', { chat_id: alice.id, document: 'ftp://x/y' });
    assert.equal(notUrl.body.description, 'Bad Request: wrong file identifier/HTTP URL specified');
  });
});
