import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError } from '../../src/errors.js';
import { METHODS } from '../../src/generated/metadata.js';
import { InputMediaPhoto, InputMediaVideo, InputSticker, PhotoSize } from '../../src/generated/types.js';
import { InputFile } from '../../src/request/input-file.js';
import { RequestData, type RequestDataOptions } from '../../src/request/request-data.js';
import type { FileSlots } from '../../src/request/types.js';
import { JPEG_BYTES, PNG_BYTES, patternBytes, tempDir } from '../helpers/files/fixtures.js';
import { boundaryOf, type ParsedPart, parseMultipart } from '../helpers/files/multipart.js';
import { type CapturedRequest, startCaptureServer, TestClient } from '../helpers/files/servers.js';

function slotsOf(method: string): FileSlots {
  const meta = METHODS[method];
  assert.ok(meta, `no metadata for ${method}`);
  return meta.fileSlots;
}

function options(method: string, localMode = false): RequestDataOptions {
  return { method, fileSlots: slotsOf(method), localMode };
}

async function drain(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function byName(parts: readonly ParsedPart[]): Map<string, ParsedPart> {
  return new Map(parts.map((part) => [part.name, part]));
}

const client = new TestClient();
let server: Awaited<ReturnType<typeof startCaptureServer>>;
let dir: { path: string; remove(): Promise<void> };
let photoPath: string;
let videoPath: string;

/** Sends a payload the way the HTTP layer will, and returns what the server got. */
async function send(data: RequestData): Promise<CapturedRequest> {
  const before = server.requests.length;
  const url = `${server.origin}/botTOKEN/${data.method}`;
  if (data.containsFiles) {
    const { contentType, body } = data.multipart();
    assert.equal(await client.post(url, contentType, body), 200);
  } else {
    assert.equal(await client.post(url, 'application/json', data.jsonPayload()), 200);
  }
  assert.equal(server.requests.length, before + 1);
  const received = server.requests.at(-1);
  assert.ok(received);
  return received;
}

before(async () => {
  server = await startCaptureServer();
  dir = await tempDir();
  photoPath = join(dir.path, 'cat photo.jpg');
  videoPath = join(dir.path, 'clip.mp4');
  await writeFile(photoPath, JPEG_BYTES);
  await writeFile(videoPath, patternBytes(200_000, 9));
});

after(async () => {
  await client.close();
  await server.close();
  await dir.remove();
});

describe('RequestData: JSON payloads', () => {
  it('sends plain parameters as one JSON object, dropping undefined and null', async () => {
    const data = await RequestData.build(
      { chat_id: 42, text: 'hi', parse_mode: undefined, reply_markup: null, disable_notification: true },
      options('sendMessage'),
    );
    assert.equal(data.containsFiles, false);
    assert.deepEqual(data.uploads, []);
    assert.equal(data.jsonPayload(), '{"chat_id":42,"text":"hi","disable_notification":true}');
    const received = await send(data);
    assert.equal(received.headers['content-type'], 'application/json');
    assert.equal(received.body.toString(), '{"chat_id":42,"text":"hi","disable_notification":true}');
  });

  it('keeps nested objects as JSON objects, not strings', async () => {
    const reply_markup = { inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] };
    const data = await RequestData.build({ chat_id: 1, text: 't', reply_markup }, options('sendMessage'));
    assert.deepEqual(JSON.parse(data.jsonPayload()), { chat_id: 1, text: 't', reply_markup });
    assert.deepEqual(data.parameters, { chat_id: 1, text: 't', reply_markup });
  });

  it('turns Dates into Unix seconds at any depth', async () => {
    const until = new Date('2030-01-02T03:04:05.999Z');
    const seconds = Math.floor(until.getTime() / 1000);
    const data = await RequestData.build(
      {
        chat_id: 1,
        until_date: until,
        nested: { when: until, list: [until, { deep: until }] },
        untouched: '2030-01-02T03:04:05.999Z',
      },
      { method: 'banChatMember', fileSlots: {}, localMode: false },
    );
    const expected = {
      chat_id: 1,
      until_date: seconds,
      nested: { when: seconds, list: [seconds, { deep: seconds }] },
      untouched: '2030-01-02T03:04:05.999Z',
    };
    assert.deepEqual(JSON.parse(data.jsonPayload()), expected);
    assert.deepEqual(data.parameters, expected);
  });

  it('rejects an invalid Date before anything is sent', async () => {
    await assert.rejects(
      RequestData.build({ chat_id: 1, until_date: new Date(Number.NaN) }, options('banChatMember')),
      (error: unknown) => {
        assert.ok(error instanceof InvalidArgumentError);
        assert.equal(error.parameter, 'until_date');
        assert.equal(error.method, 'banChatMember');
        return true;
      },
    );
  });

  it('serialises objects through toJSON', async () => {
    class Markup {
      toJSON() {
        return { remove_keyboard: true, when: new Date(5000) };
      }
    }
    const data = await RequestData.build(
      { chat_id: 1, text: 'x', reply_markup: new Markup() },
      options('sendMessage'),
    );
    assert.deepEqual(JSON.parse(data.jsonPayload()), {
      chat_id: 1,
      text: 'x',
      reply_markup: { remove_keyboard: true, when: 5 },
    });
  });

  it('sends BigInts as numbers when exact, else as decimal strings', async () => {
    const data = await RequestData.build({ chat_id: -1001234567890n, big: 2n ** 70n }, options('getChat'));
    assert.equal(data.jsonPayload(), `{"chat_id":-1001234567890,"big":"${2n ** 70n}"}`);
    const nested = await RequestData.build({ chat_id: 1, extra: { ids: [5n] } }, options('getChat'));
    assert.equal(nested.jsonPayload(), '{"chat_id":1,"extra":{"ids":[5]}}');
  });

  it('refuses an InputFile where the method takes no file', async () => {
    await assert.rejects(
      RequestData.build({ chat_id: 1, text: new InputFile(PNG_BYTES) }, options('sendMessage')),
      (error: unknown) => error instanceof InvalidArgumentError && error.method === 'sendMessage',
    );
  });

  it('can still be sent as multipart, with a stable body', async () => {
    const data = await RequestData.build(
      { chat_id: 7, text: 'a "b"', reply_markup: { force_reply: true }, flag: false, when: new Date(10_000) },
      options('sendMessage'),
    );
    const first = data.multipart();
    assert.equal(data.multipart(), first);
    const bytes = await drain(first.body);
    const again = await drain(first.body);
    assert.ok(bytes.equals(again));
    const parts = byName(parseMultipart(bytes, first.contentType));
    assert.equal(parts.get('chat_id')?.data.toString(), '7');
    assert.equal(parts.get('text')?.data.toString(), 'a "b"');
    assert.equal(parts.get('reply_markup')?.data.toString(), '{"force_reply":true}');
    assert.equal(parts.get('flag')?.data.toString(), 'false');
    assert.equal(parts.get('when')?.data.toString(), '10');
  });

  it('refuses jsonPayload() for a request that uploads files', async () => {
    const data = await RequestData.build({ chat_id: 1, photo: PNG_BYTES }, options('sendPhoto'));
    assert.throws(() => data.jsonPayload(), /multipart/);
  });
});

describe('RequestData: values at file slots that are not uploads', () => {
  it('passes file_ids, URLs and attach:// references through', async () => {
    for (const value of [
      'AgACAgIAAxkBAAIBZ2X-abc_DEF',
      'https://example.invalid/cat.jpg',
      'HTTP://example.invalid/a b.png',
      'attach://file9',
    ]) {
      const data = await RequestData.build({ chat_id: 1, photo: value }, options('sendPhoto'));
      assert.equal(data.containsFiles, false, value);
      assert.deepEqual(JSON.parse(data.jsonPayload()), { chat_id: 1, photo: value });
    }
  });

  it('sends the file_id of a file object the bot received', async () => {
    const size = PhotoSize.fromJSON({ file_id: 'PHOTO_ID', file_unique_id: 'u', width: 1, height: 1 });
    const data = await RequestData.build(
      {
        chat_id: 1,
        media: [
          new InputMediaPhoto({ type: 'photo', media: size }),
          { type: 'photo', media: { file_id: 'PLAIN_ID', width: 3 } },
        ],
      },
      options('sendMediaGroup'),
    );
    assert.equal(data.containsFiles, false);
    assert.deepEqual(JSON.parse(data.jsonPayload()).media, [
      { type: 'photo', media: 'PHOTO_ID' },
      { type: 'photo', media: 'PLAIN_ID' },
    ]);
  });

  it('leaves values at non-file fields of media objects alone', async () => {
    const data = await RequestData.build(
      { chat_id: 1, media: [{ type: 'photo', media: 'ID', caption: './looks-like-a-path.jpg' }] },
      options('sendMediaGroup'),
    );
    assert.deepEqual(JSON.parse(data.jsonPayload()).media[0].caption, './looks-like-a-path.jpg');
  });

  it('sends an http URL object as its text', async () => {
    const data = await RequestData.build(
      { chat_id: 1, photo: new URL('https://example.invalid/x y.jpg') },
      options('sendPhoto'),
    );
    assert.deepEqual(JSON.parse(data.jsonPayload()).photo, 'https://example.invalid/x%20y.jpg');
  });
});

describe('RequestData: uploads', () => {
  it('uploads a local path under the parameter name, byte for byte', async () => {
    const data = await RequestData.build(
      { chat_id: 5, photo: photoPath, caption: 'cat' },
      options('sendPhoto'),
    );
    assert.equal(data.containsFiles, true);
    assert.deepEqual(
      data.uploads.map((u) => [u.name, u.parameter]),
      [['photo', 'photo']],
    );
    const received = await send(data);
    const contentType = String(received.headers['content-type']);
    const boundary = boundaryOf(contentType);
    const expected = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n5\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="cat photo.jpg"\r\n` +
          'Content-Type: image/jpeg\r\n\r\n',
      ),
      JPEG_BYTES,
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\ncat\r\n--${boundary}--\r\n`,
      ),
    ]);
    assert.ok(received.body.equals(expected), received.body.toString('latin1'));
  });

  it('uploads a Buffer, a Node stream, an fs stream, a web stream and an InputFile, byte for byte', async () => {
    const content = patternBytes(80_000, 21);
    const sources = [
      { value: content, filename: 'file', mime: 'application/octet-stream' },
      {
        value: Readable.from([content.subarray(0, 5), content.subarray(5)]),
        filename: 'file',
        mime: 'application/octet-stream',
      },
      {
        value: createReadStream(videoPath),
        filename: 'clip.mp4',
        mime: 'video/mp4',
        bytes: patternBytes(200_000, 9),
      },
      {
        value: new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(PNG_BYTES);
            controller.close();
          },
        }),
        filename: 'file.png',
        mime: 'image/png',
        bytes: PNG_BYTES,
      },
      {
        value: new InputFile(content, { filename: 'named.bin', mimeType: 'application/x-named' }),
        filename: 'named.bin',
        mime: 'application/x-named',
      },
    ];
    for (const source of sources) {
      const data = await RequestData.build({ chat_id: 1, document: source.value }, options('sendDocument'));
      const received = await send(data);
      const contentType = String(received.headers['content-type']);
      const boundary = boundaryOf(contentType);
      const expected = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n1\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${source.filename}"\r\n` +
            `Content-Type: ${source.mime}\r\n\r\n`,
        ),
        source.bytes ?? content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      assert.ok(received.body.equals(expected), `${source.filename}: body differs`);
      const parts = parseMultipart(received.body, contentType);
      assert.deepEqual(
        parts.map((p) => p.name),
        ['chat_id', 'document'],
      );
      const document = parts[1];
      assert.equal(document?.filename, source.filename);
      assert.equal(document?.contentType, source.mime);
      assert.deepEqual(document?.data, source.bytes ?? content);
    }
  });

  it('re-sends identical bytes for a stream when the request is retried', async () => {
    const content = patternBytes(120_000, 33);
    const stream = Readable.from([content.subarray(0, 60_000), content.subarray(60_000)]);
    const data = await RequestData.build({ chat_id: 1, document: stream }, options('sendDocument'));
    const first = await send(data);
    const second = await send(data);
    assert.ok(first.body.length > content.length);
    assert.ok(first.body.equals(second.body));
    const parts = parseMultipart(second.body, String(second.headers['content-type']));
    assert.deepEqual(parts[1]?.data, content);

    const rebuilt = await RequestData.build({ chat_id: 1, document: stream }, options('sendDocument'));
    const third = await send(rebuilt);
    assert.deepEqual(parseMultipart(third.body, String(third.headers['content-type']))[1]?.data, content);
  });

  it('refuses a consumed stream instead of sending it empty', async () => {
    const stream = Readable.from([Buffer.from('x')]);
    stream.resume();
    await new Promise((resolve) => stream.once('end', resolve));
    const before = server.requests.length;
    await assert.rejects(
      async () => send(await RequestData.build({ chat_id: 1, document: stream }, options('sendDocument'))),
      (error: unknown) => error instanceof InvalidArgumentError && error.parameter === 'document',
    );
    assert.equal(server.requests.length, before);
  });

  it('rejects a nonexistent path before anything is sent, naming parameter and path', async () => {
    const missing = join(dir.path, 'missing-thumb.jpg');
    const before = server.requests.length;
    await assert.rejects(
      async () =>
        send(
          await RequestData.build(
            {
              chat_id: 1,
              media: [
                { type: 'photo', media: photoPath },
                { type: 'video', media: videoPath, thumbnail: missing },
              ],
            },
            options('sendMediaGroup'),
          ),
        ),
      (error: unknown) => {
        assert.ok(error instanceof InvalidArgumentError);
        assert.equal(error.parameter, 'media[1].thumbnail');
        assert.equal(error.method, 'sendMediaGroup');
        assert.ok(error.message.includes(missing));
        return true;
      },
    );
    assert.equal(server.requests.length, before);
  });

  it('rejects a top-level path that is not a file', async () => {
    await assert.rejects(
      RequestData.build({ chat_id: 1, document: './no/such/file.txt' }, options('sendDocument')),
      (error: unknown) => error instanceof InvalidArgumentError && error.parameter === 'document',
    );
    await assert.rejects(
      RequestData.build({ chat_id: 1, document: dir.path }, options('sendDocument')),
      InvalidArgumentError,
    );
    await assert.rejects(
      RequestData.build({ chat_id: 1, document: '' }, options('sendDocument')),
      InvalidArgumentError,
    );
  });

  it('uploads file: URLs and file:// strings as local files', async () => {
    for (const value of [pathToFileURL(photoPath), pathToFileURL(photoPath).href]) {
      const data = await RequestData.build({ chat_id: 1, photo: value }, options('sendPhoto'));
      const parts = byName(parseMultipart((await send(data)).body, data.multipart().contentType));
      assert.equal(parts.get('photo')?.filename, 'cat photo.jpg');
      assert.deepEqual(parts.get('photo')?.data, JPEG_BYTES);
    }
  });

  it('sends a top-level thumbnail and video as separate parts', async () => {
    const data = await RequestData.build(
      { chat_id: 1, video: videoPath, thumbnail: PNG_BYTES, duration: 3 },
      options('sendVideo'),
    );
    const parts = byName(parseMultipart((await send(data)).body, data.multipart().contentType));
    assert.deepEqual([...parts.keys()], ['chat_id', 'video', 'thumbnail', 'duration']);
    assert.deepEqual(parts.get('video')?.data, patternBytes(200_000, 9));
    assert.deepEqual(parts.get('thumbnail')?.data, PNG_BYTES);
    assert.equal(parts.get('duration')?.data.toString(), '3');
  });
});

describe('RequestData: files inside objects', () => {
  it('names media and thumbnails file0, file1, ... and references exactly the uploaded parts', async () => {
    const shared = new InputFile(PNG_BYTES, { filename: 'shared.png' });
    const data = await RequestData.build(
      {
        chat_id: 9,
        media: [
          new InputMediaPhoto({ type: 'photo', media: photoPath, caption: 'one' }),
          new InputMediaVideo({
            type: 'video',
            media: videoPath,
            thumbnail: shared,
            supports_streaming: true,
          }),
          { type: 'photo', media: shared },
          { type: 'photo', media: 'https://example.invalid/remote.jpg' },
        ],
      },
      options('sendMediaGroup'),
    );
    assert.deepEqual(
      data.uploads.map((u) => [u.name, u.parameter]),
      [
        ['file0', 'media[0].media'],
        ['file1', 'media[1].media'],
        ['file2', 'media[1].thumbnail'],
      ],
    );
    const received = await send(data);
    const parts = parseMultipart(received.body, String(received.headers['content-type']));
    assert.deepEqual(
      parts.map((p) => p.name),
      ['chat_id', 'media', 'file0', 'file1', 'file2'],
    );
    const named = byName(parts);
    const media = JSON.parse(named.get('media')?.data.toString() ?? 'null');
    assert.deepEqual(media, [
      { type: 'photo', media: 'attach://file0', caption: 'one' },
      { type: 'video', media: 'attach://file1', thumbnail: 'attach://file2', supports_streaming: true },
      { type: 'photo', media: 'attach://file2' },
      { type: 'photo', media: 'https://example.invalid/remote.jpg' },
    ]);
    const referenced = new Set(
      JSON.stringify(media)
        .match(/attach:\/\/\w+/g)
        ?.map((uri) => uri.slice('attach://'.length)),
    );
    const uploaded = new Set(parts.filter((p) => p.filename !== undefined).map((p) => p.name));
    assert.deepEqual(referenced, uploaded);
    assert.equal(named.get('file0')?.filename, 'cat photo.jpg');
    assert.equal(named.get('file0')?.contentType, 'image/jpeg');
    assert.deepEqual(named.get('file0')?.data, JPEG_BYTES);
    assert.deepEqual(named.get('file1')?.data, patternBytes(200_000, 9));
    assert.equal(named.get('file2')?.filename, 'shared.png');
    assert.deepEqual(named.get('file2')?.data, PNG_BYTES);
    assert.deepEqual(data.parameters.media, media);
  });

  it('uses a custom attach name and skips it when numbering the others', async () => {
    const data = await RequestData.build(
      {
        chat_id: 1,
        media: [
          { type: 'photo', media: new InputFile(PNG_BYTES, { attachName: 'file0' }) },
          { type: 'photo', media: JPEG_BYTES },
        ],
      },
      options('sendMediaGroup'),
    );
    assert.deepEqual(
      data.uploads.map((u) => u.name),
      ['file0', 'file1'],
    );
    assert.deepEqual(data.parameters.media, [
      { type: 'photo', media: 'attach://file0' },
      { type: 'photo', media: 'attach://file1' },
    ]);
  });

  it('rejects two different files with one attach name, or an attach name clashing with a parameter', async () => {
    const a = new InputFile(PNG_BYTES, { attachName: 'pic' });
    const b = new InputFile(JPEG_BYTES, { attachName: 'pic' });
    await assert.rejects(
      RequestData.build(
        {
          chat_id: 1,
          media: [
            { type: 'photo', media: a },
            { type: 'photo', media: b },
          ],
        },
        options('sendMediaGroup'),
      ),
      (error: unknown) => error instanceof InvalidArgumentError && error.parameter === 'media[1].media',
    );
    await assert.rejects(
      RequestData.build(
        {
          chat_id: 1,
          media: [{ type: 'photo', media: new InputFile(PNG_BYTES, { attachName: 'chat_id' }) }],
        },
        options('sendMediaGroup'),
      ),
      InvalidArgumentError,
    );
  });

  it('serialises a class instance with toJSON and uploads the file inside it', async () => {
    const sticker = new InputSticker({ sticker: PNG_BYTES, format: 'static', emoji_list: ['🙂'] });
    const data = await RequestData.build(
      { user_id: 3, name: 'set_by_bot', sticker },
      options('addStickerToSet'),
    );
    assert.deepEqual(data.parameters.sticker, {
      sticker: 'attach://file0',
      format: 'static',
      emoji_list: ['🙂'],
    });
    const parts = byName(parseMultipart((await send(data)).body, data.multipart().contentType));
    assert.equal(parts.get('sticker')?.filename, undefined);
    assert.equal(
      parts.get('sticker')?.data.toString(),
      '{"sticker":"attach://file0","format":"static","emoji_list":["🙂"]}',
    );
    assert.deepEqual(parts.get('file0')?.data, PNG_BYTES);
    assert.equal(parts.get('file0')?.contentType, 'image/png');
  });

  it('refers to a file also sent at a top-level parameter by that part', async () => {
    const file = new InputFile(PNG_BYTES);
    const data = await RequestData.build(
      { chat_id: 1, photo: file, extra: { thumbnail: file } },
      { method: 'custom', fileSlots: { photo: true, extra: { thumbnail: true } }, localMode: false },
    );
    assert.deepEqual(
      data.uploads.map((u) => u.name),
      ['photo'],
    );
    assert.deepEqual(data.parameters.extra, { thumbnail: 'attach://photo' });
    assert.equal(data.parameters.photo, file);
  });

  it('sends an edited media object with its file', async () => {
    const data = await RequestData.build(
      { chat_id: 1, message_id: 2, media: { type: 'photo', media: PNG_BYTES, caption: 'new' } },
      options('editMessageMedia'),
    );
    assert.deepEqual(data.parameters.media, { type: 'photo', media: 'attach://file0', caption: 'new' });
    assert.equal(data.uploads[0]?.name, 'file0');
  });

  it('refuses a bare file where an object holding files is expected', async () => {
    await assert.rejects(
      RequestData.build({ chat_id: 1, message_id: 2, media: PNG_BYTES }, options('editMessageMedia')),
      (error: unknown) => error instanceof InvalidArgumentError && error.parameter === 'media',
    );
  });
});

describe('RequestData: local mode', () => {
  it('sends local paths as file:// URIs without uploading', async () => {
    const data = await RequestData.build(
      {
        chat_id: 1,
        media: [
          { type: 'photo', media: photoPath },
          { type: 'video', media: pathToFileURL(videoPath), thumbnail: pathToFileURL(photoPath).href },
        ],
      },
      options('sendMediaGroup', true),
    );
    assert.equal(data.containsFiles, false);
    const sent = JSON.parse((await send(data)).body.toString());
    assert.deepEqual(sent.media, [
      { type: 'photo', media: pathToFileURL(photoPath).href },
      { type: 'video', media: pathToFileURL(videoPath).href, thumbnail: pathToFileURL(photoPath).href },
    ]);
    assert.match(sent.media[0].media, /^file:\/\/\/.*cat%20photo\.jpg$/);
  });

  it('still uploads explicit InputFiles, bytes and streams', async () => {
    const data = await RequestData.build(
      { chat_id: 1, photo: new InputFile(photoPath), document: Readable.from([Buffer.from('doc')]) },
      { method: 'custom', fileSlots: { photo: true, document: true }, localMode: true },
    );
    assert.deepEqual(
      data.uploads.map((u) => u.name),
      ['photo', 'document'],
    );
  });

  it('still rejects a path that does not exist', async () => {
    await assert.rejects(
      RequestData.build({ chat_id: 1, photo: join(dir.path, 'absent.jpg') }, options('sendPhoto', true)),
      (error: unknown) => error instanceof InvalidArgumentError && error.parameter === 'photo',
    );
  });

  it('passes file_ids and URLs through', async () => {
    const data = await RequestData.build({ chat_id: 1, photo: 'FILE_ID' }, options('sendPhoto', true));
    assert.equal(data.jsonPayload(), '{"chat_id":1,"photo":"FILE_ID"}');
  });
});
