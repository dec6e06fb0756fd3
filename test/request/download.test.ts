import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  buildFileUrl,
  copyLocalFile,
  copyLocalFileToWritable,
  downloadToBytes,
  downloadToFile,
  downloadToWritable,
  readLocalFile,
} from '../../src/request/download.js';
import { patternBytes, tempDir } from '../helpers/files/fixtures.js';
import { startServer, TestClient, type TestServer } from '../helpers/files/servers.js';

const CONTENT = patternBytes(500_000, 42);
const client = new TestClient();
let server: TestServer;
let dir: { path: string; remove(): Promise<void> };
let requestedPaths: string[];

before(async () => {
  requestedPaths = [];
  dir = await tempDir();
  server = await startServer((path, res) => {
    requestedPaths.push(path);
    if (path.endsWith('/missing')) {
      res.writeHead(404).end('not found');
    } else if (path.endsWith('/broken')) {
      // Promise more than is sent, then cut the connection half-way.
      res.writeHead(200, { 'content-length': String(CONTENT.length) });
      res.write(CONTENT.subarray(0, 100_000), () => res.destroy());
    } else if (path.endsWith('/slow')) {
      res.writeHead(200, { 'content-length': String(CONTENT.length) });
      res.write(CONTENT.subarray(0, 50_000));
    } else {
      res.writeHead(200, { 'content-length': String(CONTENT.length) }).end(CONTENT);
    }
  });
});

after(async () => {
  await client.close();
  await server.close();
  await dir.remove();
});

function url(name: string): string {
  return `${server.origin}/file/botTOKEN/${name}`;
}

describe('buildFileUrl', () => {
  it('joins the base and the file path with one slash', () => {
    assert.equal(
      buildFileUrl('https://h.invalid/file/bot1:x', 'photos/file_1.jpg'),
      'https://h.invalid/file/bot1:x/photos/file_1.jpg',
    );
    assert.equal(
      buildFileUrl('https://h.invalid/file/bot1:x/', '/photos/a.jpg'),
      'https://h.invalid/file/bot1:x/photos/a.jpg',
    );
  });

  it('percent-encodes each segment but keeps the separators', () => {
    assert.equal(
      buildFileUrl('http://h.invalid/f', 'documents/my file #1?.pdf'),
      'http://h.invalid/f/documents/my%20file%20%231%3F.pdf',
    );
    assert.equal(
      buildFileUrl('http://h.invalid/f', 'music/Пісня 100%.mp3'),
      'http://h.invalid/f/music/%D0%9F%D1%96%D1%81%D0%BD%D1%8F%20100%25.mp3',
    );
  });

  it('rejects dot segments that would leave the file directory', () => {
    assert.throws(() => buildFileUrl('http://h.invalid/f', '../bot2/x'), InvalidArgumentError);
    assert.throws(() => buildFileUrl('http://h.invalid/f', 'a/./b'), InvalidArgumentError);
    assert.equal(buildFileUrl('http://h.invalid/f', 'a/..b/.c'), 'http://h.invalid/f/a/..b/.c');
  });
});

describe('downloadToFile', () => {
  it('streams the download to a new file and returns its absolute path', async () => {
    const target = join(dir.path, 'video.mp4');
    const written = await downloadToFile(client, url('videos/file_1.mp4'), target);
    assert.equal(written, target);
    assert.deepEqual(await readFile(target), CONTENT);
    assert.equal(requestedPaths.at(-1), '/file/botTOKEN/videos/file_1.mp4');
  });

  it('accepts a file: URL and overwrites an existing file', async () => {
    const target = join(dir.path, 'existing.bin');
    await writeFile(target, 'old content that is longer than nothing');
    await downloadToFile(client, url('ok'), pathToFileURL(target));
    assert.deepEqual(await readFile(target), CONTENT);
  });

  it('removes the partial file when the connection breaks half-way', async () => {
    const target = join(dir.path, 'partial.bin');
    await assert.rejects(downloadToFile(client, url('broken'), target));
    assert.equal(existsSync(target), false);
  });

  it('removes the partial file when aborted', async () => {
    const target = join(dir.path, 'aborted.bin');
    const controller = new AbortController();
    const pending = downloadToFile(client, url('slow'), target, { signal: controller.signal });
    for (let i = 0; i < 200 && !existsSync(target); i++) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(existsSync(target), false);
  });

  it('creates no file when the server refuses the download', async () => {
    const target = join(dir.path, 'never.bin');
    await assert.rejects(downloadToFile(client, url('missing'), target), /HTTP 404/);
    assert.equal(existsSync(target), false);
  });

  it('leaves a destination it could not open untouched', async () => {
    const target = join(dir.path, 'a-directory');
    await mkdir(target);
    await assert.rejects(downloadToFile(client, url('ok'), target));
    assert.ok((await stat(target)).isDirectory());
  });

  it('passes timeouts and the signal to the HTTP layer', async () => {
    const seen: unknown[] = [];
    const source = {
      async retrieveStream(_url: string, options?: unknown): Promise<AsyncIterable<Uint8Array>> {
        seen.push(options);
        return (async function* () {
          yield new Uint8Array([1, 2, 3]);
        })();
      },
    };
    const signal = new AbortController().signal;
    const target = join(dir.path, 'fake.bin');
    await downloadToFile(source, 'http://unused.invalid/x', target, { timeouts: { readTimeout: 3 }, signal });
    await downloadToFile(source, 'http://unused.invalid/x', target);
    assert.deepEqual(seen, [{ timeouts: { readTimeout: 3 }, signal }, {}]);
    assert.deepEqual(await readFile(target), Buffer.from([1, 2, 3]));
  });
});

describe('downloadToWritable and downloadToBytes', () => {
  it('writes into a Node Writable and ends it', async () => {
    const chunks: Buffer[] = [];
    let finished = false;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        finished = true;
        callback();
      },
    });
    await downloadToWritable(client, url('ok'), sink);
    assert.deepEqual(Buffer.concat(chunks), CONTENT);
    assert.equal(finished, true);
  });

  it('leaves the Writable open with end: false', async () => {
    const sink = new PassThrough();
    const received: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => received.push(chunk));
    await downloadToWritable(client, url('ok'), sink, { end: false });
    assert.equal(sink.writableEnded, false);
    sink.end(Buffer.from('tail'));
    await new Promise((resolve) => sink.once('end', resolve));
    assert.deepEqual(Buffer.concat(received), Buffer.concat([CONTENT, Buffer.from('tail')]));
  });

  it('writes into a web WritableStream', async () => {
    const chunks: Uint8Array[] = [];
    let closed = false;
    const sink = new WritableStream<Uint8Array>({
      write(chunk) {
        chunks.push(chunk);
      },
      close() {
        closed = true;
      },
    });
    await downloadToWritable(client, url('ok'), sink);
    assert.deepEqual(Buffer.concat(chunks), CONTENT);
    assert.equal(closed, true);
  });

  it('fails when the connection breaks', async () => {
    await assert.rejects(downloadToWritable(client, url('broken'), new PassThrough()));
  });

  it('downloads into memory', async () => {
    const bytes = await downloadToBytes(client, url('ok'));
    assert.deepEqual(Buffer.from(bytes), CONTENT);
    await assert.rejects(downloadToBytes(client, url('broken')));
    await assert.rejects(downloadToBytes(client, url('missing')), /HTTP 404/);
  });
});

describe('local mode files', () => {
  it('copies a local file to a destination', async () => {
    const source = join(dir.path, 'server-side.bin');
    await writeFile(source, CONTENT);
    const target = join(dir.path, 'copy.bin');
    assert.equal(await copyLocalFile(source, target), target);
    assert.deepEqual(await readFile(target), CONTENT);
    assert.equal(
      await copyLocalFile(source, pathToFileURL(join(dir.path, 'copy2.bin'))),
      join(dir.path, 'copy2.bin'),
    );
  });

  it('does not destroy a file copied onto itself, directly or through a link', async () => {
    const source = join(dir.path, 'self.bin');
    await writeFile(source, CONTENT);
    await copyLocalFile(source, source);
    const link = join(dir.path, 'self-link.bin');
    await symlink(source, link);
    await copyLocalFile(source, link);
    assert.deepEqual(await readFile(source), CONTENT);
  });

  it('fails for a missing source', async () => {
    await assert.rejects(copyLocalFile(join(dir.path, 'absent'), join(dir.path, 'x')), { code: 'ENOENT' });
  });

  it('reads a local file into memory or into a writable', async () => {
    const source = join(dir.path, 'memory.bin');
    await writeFile(source, CONTENT);
    assert.deepEqual(Buffer.from(await readLocalFile(source)), CONTENT);
    const sink = new PassThrough();
    const received: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => received.push(chunk));
    await copyLocalFileToWritable(source, sink);
    assert.deepEqual(Buffer.concat(received), CONTENT);
    assert.equal(sink.writableEnded, true);
  });
});
