import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  DEFAULT_MIME_TYPE,
  filenameForMimeType,
  guessMimeType,
  InputFile,
  sniffMimeType,
} from '../../src/request/input-file.js';
import { JPEG_BYTES, PNG_BYTES, patternBytes, tempDir } from '../helpers/files/fixtures.js';

async function collect(iterable: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; chunks: number }> {
  const parts: Uint8Array[] = [];
  for await (const chunk of iterable) parts.push(chunk);
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

function ascii(text: string, padTo = 16): Uint8Array {
  return Buffer.concat([Buffer.from(text, 'latin1'), Buffer.alloc(Math.max(0, padTo - text.length))]);
}

describe('MIME type guessing', () => {
  it('maps common extensions, case-insensitively', () => {
    assert.equal(guessMimeType('photo.JPG'), 'image/jpeg');
    assert.equal(guessMimeType('a/b/c.jpeg'), 'image/jpeg');
    assert.equal(guessMimeType('clip.mp4'), 'video/mp4');
    assert.equal(guessMimeType('clip.MOV'), 'video/quicktime');
    assert.equal(guessMimeType('voice.oga'), 'audio/ogg');
    assert.equal(guessMimeType('voice.opus'), 'audio/ogg');
    assert.equal(guessMimeType('song.mp3'), 'audio/mpeg');
    assert.equal(guessMimeType('doc.pdf'), 'application/pdf');
    assert.equal(guessMimeType('sticker.tgs'), 'application/x-tgsticker');
    assert.equal(guessMimeType('sticker.webp'), 'image/webp');
    assert.equal(
      guessMimeType('table.xlsx'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    assert.equal(
      guessMimeType('letter.docx'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(guessMimeType('data.csv'), 'text/csv');
    assert.equal(guessMimeType('notes.txt'), 'text/plain');
  });

  it('returns undefined for unknown or missing extensions', () => {
    assert.equal(guessMimeType('archive.xyz'), undefined);
    assert.equal(guessMimeType('README'), undefined);
    assert.equal(guessMimeType('.bashrc'), undefined);
  });

  it('sniffs formats from their magic numbers', () => {
    assert.equal(sniffMimeType(JPEG_BYTES), 'image/jpeg');
    assert.equal(sniffMimeType(PNG_BYTES), 'image/png');
    assert.equal(sniffMimeType(ascii('GIF89a')), 'image/gif');
    assert.equal(sniffMimeType(ascii('RIFF\x10\x00\x00\x00WEBPVP8 ')), 'image/webp');
    assert.equal(sniffMimeType(ascii('RIFF\x10\x00\x00\x00WAVEfmt ')), 'audio/wav');
    assert.equal(sniffMimeType(ascii('%PDF-1.7\n')), 'application/pdf');
    assert.equal(sniffMimeType(ascii('OggS\x00\x02')), 'audio/ogg');
    assert.equal(sniffMimeType(ascii('\x00\x00\x00\x18ftypisom')), 'video/mp4');
    assert.equal(sniffMimeType(ascii('\x00\x00\x00\x14ftypqt  ')), 'video/quicktime');
    assert.equal(sniffMimeType(ascii('\x00\x00\x00\x20ftypM4A ')), 'audio/mp4');
    assert.equal(sniffMimeType(ascii('\x1a\x45\xdf\xa3\x9f\x42\x82\x84webm', 32)), 'video/webm');
    assert.equal(sniffMimeType(ascii('\x1a\x45\xdf\xa3\x9f\x42\x82\x88matroska', 32)), 'video/x-matroska');
    assert.equal(sniffMimeType(ascii('ID3\x04')), 'audio/mpeg');
    assert.equal(sniffMimeType(ascii('\xff\xfb\x90\x00')), 'audio/mpeg');
    assert.equal(sniffMimeType(ascii('fLaC')), 'audio/flac');
    assert.equal(sniffMimeType(ascii('PK\x03\x04')), 'application/zip');
    assert.equal(sniffMimeType(ascii('\x1f\x8b\x08')), 'application/gzip');
  });

  it('does not guess from unrecognised or too short content', () => {
    assert.equal(sniffMimeType(Buffer.from('hello world')), undefined);
    assert.equal(sniffMimeType(new Uint8Array()), undefined);
    assert.equal(sniffMimeType(Buffer.from([0xff])), undefined);
    assert.equal(sniffMimeType(ascii('RIFF\x10\x00\x00\x00XXXX')), undefined);
  });

  it('names files after their type', () => {
    assert.equal(filenameForMimeType('image/jpeg'), 'file.jpg');
    assert.equal(filenameForMimeType('application/pdf; charset=binary'), 'file.pdf');
    assert.equal(filenameForMimeType('audio/ogg'), 'file.ogg');
    assert.equal(filenameForMimeType(DEFAULT_MIME_TYPE), 'file');
  });
});

describe('InputFile from a path', () => {
  let dir: { path: string; remove(): Promise<void> };
  let big: string;
  before(async () => {
    dir = await tempDir();
    big = join(dir.path, 'movie.MP4');
    await writeFile(big, patternBytes(300_000));
  });
  after(() => dir.remove());

  it('takes its filename from the basename and its type from the extension', async () => {
    const file = new InputFile(big);
    assert.equal(file.filename, 'movie.MP4');
    assert.equal(file.mimeType, 'video/mp4');
    assert.equal(file.path, big);
    await file.prepare('video');
    assert.equal(file.size, 300_000);
  });

  it('streams from disk in pieces, again on every call, never keeping the content', async () => {
    const file = new InputFile(big);
    await file.prepare();
    const first = await collect(file.chunks());
    const second = await collect(file.chunks());
    assert.ok(first.chunks >= 4, `expected several chunks, got ${first.chunks}`);
    assert.deepEqual(first.bytes, patternBytes(300_000));
    assert.deepEqual(second.bytes, first.bytes);
    assert.equal(file.bufferedContent, undefined);
  });

  it('re-reads the file, so a changed file is sent as it is now', async () => {
    const path = join(dir.path, 'changing.txt');
    await writeFile(path, 'one');
    const file = new InputFile(path);
    assert.equal((await collect(file.chunks())).bytes.toString(), 'one');
    await writeFile(path, 'two');
    assert.equal((await collect(file.chunks())).bytes.toString(), 'two');
  });

  it('resolves a relative path against the working directory', () => {
    const file = new InputFile('relative/name.pdf');
    assert.equal(file.path, join(process.cwd(), 'relative', 'name.pdf'));
    assert.equal(file.mimeType, 'application/pdf');
  });

  it('accepts file: URLs, as URL objects and strings', async () => {
    const fromObject = new InputFile(pathToFileURL(big));
    const fromString = new InputFile(pathToFileURL(big).href);
    assert.equal(fromObject.path, big);
    assert.equal(fromString.path, big);
    assert.equal(fromObject.filename, 'movie.MP4');
  });

  it('rejects a path that does not exist, naming the parameter', async () => {
    const missing = join(dir.path, 'nope.jpg');
    const file = new InputFile(missing);
    await assert.rejects(file.prepare('media[1].thumbnail'), (error: unknown) => {
      assert.ok(error instanceof InvalidArgumentError);
      assert.equal(error.parameter, 'media[1].thumbnail');
      assert.match(error.message, /media\[1\]\.thumbnail/);
      assert.ok(error.message.includes(missing));
      return true;
    });
  });

  it('rejects a directory', async () => {
    const sub = join(dir.path, 'sub.jpg');
    await mkdir(sub);
    await assert.rejects(new InputFile(sub).prepare('photo'), (error: unknown) => {
      assert.ok(error instanceof InvalidArgumentError);
      assert.match(error.message, /not a regular file/);
      return true;
    });
  });

  it('sniffs the type of a file whose name does not tell it', async () => {
    const path = join(dir.path, 'picture');
    await writeFile(path, PNG_BYTES);
    const file = new InputFile(path);
    assert.equal(file.mimeType, DEFAULT_MIME_TYPE);
    await file.prepare();
    assert.equal(file.mimeType, 'image/png');
    assert.equal(file.filename, 'picture');
  });

  it('refuses http URLs and other URL schemes', () => {
    assert.throws(() => new InputFile('https://example.invalid/a.jpg'), InvalidArgumentError);
    assert.throws(() => new InputFile(new URL('https://example.invalid/a.jpg')), InvalidArgumentError);
  });

  it('takes its filename from an fs read stream', async () => {
    const file = new InputFile(createReadStream(big));
    assert.equal(file.filename, 'movie.MP4');
    assert.equal(file.mimeType, 'video/mp4');
    assert.deepEqual(await file.toBytes(), patternBytes(300_000));
  });
});

describe('InputFile from bytes', () => {
  it('sniffs the type and names the file after it', () => {
    const file = new InputFile(PNG_BYTES);
    assert.equal(file.mimeType, 'image/png');
    assert.equal(file.filename, 'file.png');
    assert.equal(file.size, PNG_BYTES.length);
    assert.equal(file.bufferedContent, PNG_BYTES);
  });

  it('prefers the filename extension to sniffing, and an explicit type to both', () => {
    assert.equal(new InputFile(PNG_BYTES, { filename: 'x.jpg' }).mimeType, 'image/jpeg');
    const explicit = new InputFile(PNG_BYTES, { filename: 'x.jpg', mimeType: 'image/webp' });
    assert.equal(explicit.mimeType, 'image/webp');
    assert.equal(explicit.filename, 'x.jpg');
    assert.equal(new InputFile(PNG_BYTES, { mimeType: 'application/pdf' }).filename, 'file.pdf');
  });

  it('falls back to application/octet-stream and a plain name', () => {
    const file = new InputFile(Buffer.from('just text'));
    assert.equal(file.mimeType, 'application/octet-stream');
    assert.equal(file.filename, 'file');
    const named = new InputFile(Buffer.from('just text'), { filename: '' });
    assert.equal(named.filename, 'file');
  });

  it('accepts plain Uint8Arrays and ArrayBuffers', async () => {
    const bytes = new Uint8Array(JPEG_BYTES);
    assert.equal(new InputFile(bytes).mimeType, 'image/jpeg');
    const fromBuffer = new InputFile(bytes.buffer);
    assert.deepEqual(Buffer.from(await fromBuffer.toBytes()), JPEG_BYTES);
  });

  it('hands large content over in pieces without copying it', async () => {
    const bytes = patternBytes(200_000);
    const { bytes: sent, chunks } = await collect(new InputFile(bytes).chunks());
    assert.ok(chunks > 1);
    assert.deepEqual(sent, bytes);
  });

  it('validates the MIME type and the attach name', () => {
    assert.throws(() => new InputFile(PNG_BYTES, { mimeType: 'png' }), InvalidArgumentError);
    assert.throws(
      () => new InputFile(PNG_BYTES, { mimeType: 'image/png\r\nX-Evil: 1' }),
      InvalidArgumentError,
    );
    assert.throws(() => new InputFile(PNG_BYTES, { attachName: 'a b' }), InvalidArgumentError);
    assert.throws(() => new InputFile(PNG_BYTES, { attachName: '' }), InvalidArgumentError);
    assert.doesNotThrow(() => new InputFile(PNG_BYTES, { mimeType: 'text/plain; charset=utf-8' }));
  });
});

describe('InputFile attach names', () => {
  it('uses a given attach name', () => {
    const file = new InputFile(PNG_BYTES, { attachName: 'cover_1' });
    assert.equal(file.attachName, 'cover_1');
    assert.equal(file.attachUri, 'attach://cover_1');
    assert.equal(file.hasCustomAttachName, true);
  });

  it('generates a stable name per file, different between files', () => {
    const a = new InputFile(PNG_BYTES);
    const b = new InputFile(PNG_BYTES);
    assert.equal(a.hasCustomAttachName, false);
    assert.match(a.attachName, /^file_[0-9a-f]{16}$/);
    assert.equal(a.attachName, a.attachName);
    assert.equal(a.attachUri, `attach://${a.attachName}`);
    assert.notEqual(a.attachName, b.attachName);
  });
});

describe('InputFile from streams', () => {
  it('reads a Node stream once and re-sends the same bytes', async () => {
    const content = patternBytes(150_000, 7);
    const stream = Readable.from([content.subarray(0, 1000), content.subarray(1000)]);
    const file = new InputFile(stream, { filename: 'data.bin' });
    const first = await collect(file.chunks());
    const second = await collect(file.chunks());
    assert.deepEqual(first.bytes, content);
    assert.deepEqual(second.bytes, content);
    assert.equal(file.size, content.length);
    assert.deepEqual(Buffer.from(file.bufferedContent ?? new Uint8Array()), content);
  });

  it('shares one read between concurrent users', async () => {
    let reads = 0;
    const stream = new Readable({
      read() {
        reads++;
        this.push(reads === 1 ? JPEG_BYTES : null);
      },
    });
    const file = new InputFile(stream);
    await Promise.all([file.prepare(), file.prepare(), file.toBytes()]);
    assert.equal(reads, 2);
    assert.equal(file.mimeType, 'image/jpeg');
    assert.equal(file.filename, 'file.jpg');
  });

  it('sniffs the type of a stream when it is read', async () => {
    const file = new InputFile(Readable.from([PNG_BYTES]));
    await file.prepare();
    assert.equal(file.mimeType, 'image/png');
  });

  it('accepts string chunks (a stream with an encoding)', async () => {
    const stream = new PassThrough();
    stream.setEncoding('utf8');
    stream.end('héllo');
    assert.equal(Buffer.from(await new InputFile(stream).toBytes()).toString('utf8'), 'héllo');
  });

  it('refuses a stream that was already read from, instead of sending it empty', async () => {
    const stream = Readable.from([Buffer.from('gone')]);
    for await (const _ of stream) {
      // drain it
    }
    await assert.rejects(new InputFile(stream).prepare('document'), (error: unknown) => {
      assert.ok(error instanceof InvalidArgumentError);
      assert.equal(error.parameter, 'document');
      assert.match(error.message, /already read/);
      return true;
    });
  });

  it('refuses an object-mode stream of non-bytes', async () => {
    const stream = Readable.from([{ not: 'bytes' }]);
    await assert.rejects(new InputFile(stream).prepare('document'), InvalidArgumentError);
  });

  it('reads a web ReadableStream once', async () => {
    const content = patternBytes(70_000, 3);
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(content.subarray(0, 10));
        controller.enqueue(content.subarray(10));
        controller.close();
      },
    });
    const file = new InputFile(web, { filename: 'w.bin' });
    assert.deepEqual((await collect(file.chunks())).bytes, content);
    assert.deepEqual((await collect(file.chunks())).bytes, content);
  });

  it('refuses a locked or already read web stream', async () => {
    const locked = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    locked.getReader();
    await assert.rejects(new InputFile(locked).prepare('audio'), InvalidArgumentError);

    const read = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1]));
        controller.close();
      },
    });
    const reader = read.getReader();
    await reader.read();
    reader.releaseLock();
    await assert.rejects(new InputFile(read).prepare('audio'), InvalidArgumentError);
  });

  it('propagates a stream error and lets a later attempt fail the same way', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk on fire'));
      },
    });
    const file = new InputFile(failing);
    await assert.rejects(file.prepare(), /disk on fire/);
    await assert.rejects(file.prepare(), InvalidArgumentError);
  });
});

describe('InputFile from a Blob', () => {
  it('uses the Blob type, File name, and streams it on every call', async () => {
    const blob = new File([JPEG_BYTES], 'holiday.jpeg', { type: 'image/jpeg' });
    const file = new InputFile(blob);
    assert.equal(file.filename, 'holiday.jpeg');
    assert.equal(file.mimeType, 'image/jpeg');
    assert.equal(file.size, JPEG_BYTES.length);
    assert.deepEqual((await collect(file.chunks())).bytes, JPEG_BYTES);
    assert.deepEqual((await collect(file.chunks())).bytes, JPEG_BYTES);
  });

  it('sniffs an untyped Blob when prepared', async () => {
    const file = new InputFile(new Blob([PNG_BYTES]));
    await file.prepare();
    assert.equal(file.mimeType, 'image/png');
    assert.equal(file.filename, 'file.png');
  });
});

describe('InputFile serialisation', () => {
  it('refuses to be turned into JSON', () => {
    assert.throws(() => JSON.stringify({ photo: new InputFile(PNG_BYTES) }), InvalidArgumentError);
  });

  it('rejects unsupported sources', () => {
    assert.throws(() => new InputFile(42 as unknown as string), InvalidArgumentError);
  });
});
