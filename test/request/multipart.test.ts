import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputFile } from '../../src/request/input-file.js';
import {
  escapeHeaderParameter,
  generateBoundary,
  MultipartBody,
  type MultipartFilePart,
} from '../../src/request/multipart.js';
import { patternBytes, tempDir } from '../helpers/files/fixtures.js';
import { parseMultipart, telegramStyleParameters } from '../helpers/files/multipart.js';
import { startCaptureServer, TestClient } from '../helpers/files/servers.js';

function filePart(name: string, file: InputFile): MultipartFilePart {
  return {
    name,
    filename: file.filename,
    contentType: file.mimeType,
    chunks: () => file.chunks(),
    bufferedContent: file.bufferedContent,
  };
}

describe('multipart encoding', () => {
  it('produces exactly the RFC 7578 framing, with CRLF line endings', async () => {
    const body = new MultipartBody(
      [
        { name: 'chat_id', value: '42' },
        { name: 'caption', value: 'héllo\r\nworld' },
        {
          name: 'document',
          filename: 'a.txt',
          contentType: 'text/plain',
          chunks: async function* () {
            yield Buffer.from('line1\r\n');
            yield Buffer.from('--not-a-boundary');
          },
        },
      ],
      { boundary: 'XyZ' },
    );
    const expected = Buffer.from(
      '--XyZ\r\n' +
        'Content-Disposition: form-data; name="chat_id"\r\n\r\n42\r\n' +
        '--XyZ\r\n' +
        'Content-Disposition: form-data; name="caption"\r\n\r\nhéllo\r\nworld\r\n' +
        '--XyZ\r\n' +
        'Content-Disposition: form-data; name="document"; filename="a.txt"\r\n' +
        'Content-Type: text/plain\r\n\r\n' +
        'line1\r\n--not-a-boundary\r\n' +
        '--XyZ--\r\n',
      'utf8',
    );
    assert.deepEqual(Buffer.from(await body.toBytes()), expected);
    assert.equal(body.contentType, 'multipart/form-data; boundary=XyZ');
  });

  it('encodes an empty form as the closing delimiter alone', async () => {
    const body = new MultipartBody([], { boundary: 'b' });
    assert.equal(Buffer.from(await body.toBytes()).toString(), '--b--\r\n');
  });

  it('yields identical bytes every time it is iterated', async () => {
    const file = new InputFile(patternBytes(100_000), { filename: 'p.bin' });
    const body = new MultipartBody([{ name: 'x', value: '1' }, filePart('document', file)]);
    const first = Buffer.from(await body.toBytes());
    const second = Buffer.from(await body.toBytes());
    assert.ok(first.equals(second));
    const [text, part] = parseMultipart(first, body.contentType);
    assert.equal(text?.data.toString(), '1');
    assert.deepEqual(part?.data, patternBytes(100_000));
  });

  it('makes random boundaries that differ and stay within RFC 2046 limits', () => {
    const a = generateBoundary();
    const b = generateBoundary();
    assert.notEqual(a, b);
    assert.ok(a.length <= 70);
    assert.match(a, /^[0-9A-Za-z-]+$/);
  });

  it('never uses a boundary that occurs in in-memory content', () => {
    assert.throws(
      () => new MultipartBody([{ name: 'text', value: 'a--fixed-b' }], { boundary: 'fixed' }),
      TypeError,
    );
    const bytes = Buffer.from('xx fixed yy');
    const file = new InputFile(bytes, { filename: 'f.bin' });
    assert.throws(() => new MultipartBody([filePart('document', file)], { boundary: 'fixed' }), TypeError);
  });

  it('rejects boundaries RFC 2046 does not allow', () => {
    assert.throws(() => new MultipartBody([], { boundary: '' }), TypeError);
    assert.throws(() => new MultipartBody([], { boundary: 'a'.repeat(71) }), TypeError);
    assert.throws(() => new MultipartBody([], { boundary: 'ends with space ' }), TypeError);
    assert.throws(() => new MultipartBody([], { boundary: 'semi;colon' }), TypeError);
  });

  it('quotes a boundary that is not a plain token in the Content-Type', () => {
    const body = new MultipartBody([], { boundary: 'has space:colon' });
    assert.equal(body.contentType, 'multipart/form-data; boundary="has space:colon"');
  });

  it('streams a file from disk instead of building the body in memory', async () => {
    const dir = await tempDir();
    try {
      const path = join(dir.path, 'big.bin');
      const content = patternBytes(1_000_000, 11);
      await writeFile(path, content);
      const file = new InputFile(path);
      await file.prepare();
      const body = new MultipartBody([filePart('document', file)]);
      let largest = 0;
      let count = 0;
      const chunks: Uint8Array[] = [];
      for await (const chunk of body) {
        largest = Math.max(largest, chunk.length);
        count++;
        chunks.push(chunk);
      }
      assert.ok(count > 10, `expected the file in many chunks, got ${count}`);
      assert.ok(largest <= 64 * 1024, `largest chunk ${largest}`);
      const [part] = parseMultipart(Buffer.concat(chunks), body.contentType);
      assert.deepEqual(part?.data, content);
    } finally {
      await dir.remove();
    }
  });
});

describe('header parameter escaping', () => {
  it('percent-encodes quotes, semicolons, backslashes and control characters', () => {
    assert.equal(escapeHeaderParameter('plain-name_1.jpg'), 'plain-name_1.jpg');
    assert.equal(escapeHeaderParameter('a"b'), 'a%22b');
    assert.equal(escapeHeaderParameter('a;b'), 'a%3Bb');
    assert.equal(escapeHeaderParameter('a\\b'), 'a%5Cb');
    assert.equal(escapeHeaderParameter('a\r\nb'), 'a%0D%0Ab');
    assert.equal(escapeHeaderParameter('tab\there\0\x7f'), 'tab%09here%00%7F');
  });

  it('keeps non-ASCII names as raw UTF-8', async () => {
    const body = new MultipartBody(
      [
        {
          name: 'document',
          filename: 'Отчёт 📄.pdf',
          contentType: 'application/pdf',
          chunks: async function* () {},
        },
      ],
      { boundary: 'b' },
    );
    const bytes = Buffer.from(await body.toBytes());
    assert.ok(bytes.includes(Buffer.from('filename="Отчёт 📄.pdf"', 'utf8')));
    assert.equal(parseMultipart(bytes, body.contentType)[0]?.filename, 'Отчёт 📄.pdf');
  });

  it('keeps hostile names inside their header, for standard and Telegram-style parsers alike', async () => {
    const hostile = 'evil"; name="chat_id"\r\nContent-Type: text/html\r\n\r\n;x\\.jpg';
    const body = new MultipartBody(
      [
        { name: 'chat_id', value: '1' },
        {
          name: 'photo',
          filename: hostile,
          contentType: 'image/jpeg',
          chunks: async function* () {
            yield Buffer.from('data');
          },
        },
      ],
      { boundary: 'b' },
    );
    const parts = parseMultipart(Buffer.from(await body.toBytes()), body.contentType);
    assert.equal(parts.length, 2);
    const photo = parts[1];
    assert.equal(photo?.name, 'photo');
    assert.equal(photo?.contentType, 'image/jpeg');
    assert.equal(photo?.data.toString(), 'data');
    const escaped = 'evil%22%3B name=%22chat_id%22%0D%0AContent-Type: text/html%0D%0A%0D%0A%3Bx%5C.jpg';
    assert.equal(photo?.filename, escaped);
    const disposition = photo?.headers['content-disposition'] ?? '';
    const telegram = telegramStyleParameters(disposition);
    assert.equal(telegram.get('name'), 'photo');
    assert.equal(telegram.get('filename'), escaped);
  });
});

describe('multipart over HTTP', () => {
  const client = new TestClient();
  let server: Awaited<ReturnType<typeof startCaptureServer>>;
  before(async () => {
    server = await startCaptureServer();
  });
  after(async () => {
    await client.close();
    await server.close();
  });

  it('arrives byte for byte as encoded', async () => {
    const file = new InputFile(patternBytes(90_000, 5), {
      filename: 'blob.dat',
      mimeType: 'application/x-test',
    });
    const body = new MultipartBody([{ name: 'chat_id', value: '-100123' }, filePart('document', file)]);
    const expected = Buffer.from(await body.toBytes());
    assert.equal(await client.post(`${server.origin}/upload`, body.contentType, body), 200);
    const received = server.requests.at(-1);
    assert.ok(received);
    assert.equal(received.headers['content-type'], body.contentType);
    assert.ok(received.body.equals(expected));
    const parts = parseMultipart(received.body, body.contentType);
    assert.deepEqual(
      parts.map((p) => [p.name, p.filename, p.contentType]),
      [
        ['chat_id', undefined, undefined],
        ['document', 'blob.dat', 'application/x-test'],
      ],
    );
    assert.deepEqual(parts[1]?.data, patternBytes(90_000, 5));
  });
});
