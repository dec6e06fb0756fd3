/**
 * Streamed downloads of files from Telegram's file endpoint, and their local-mode equivalents
 * (a Bot API server in local mode gives `file_path` as an absolute path on its own disk).
 * `File.downloadToDrive()` / `downloadToMemory()` are built on these.
 */
import { createReadStream } from 'node:fs';
import { copyFile, type FileHandle, open, readFile, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from '../errors.js';
import type { RequestTimeouts } from './types.js';

/** Options passed on to the HTTP layer for one download. */
export interface StreamRetrieverOptions {
  readonly timeouts?: RequestTimeouts;
  readonly signal?: AbortSignal;
}

/** What a download needs from the HTTP layer: a GET whose body arrives as a stream of chunks. */
export interface StreamRetriever {
  /** GETs `url` and resolves once the response is known to be good, with its body. */
  retrieveStream(url: string, options?: StreamRetrieverOptions): Promise<AsyncIterable<Uint8Array>>;
}

/** Options of the download functions. */
export interface DownloadOptions {
  /** Timeouts for the HTTP request (seconds). */
  readonly timeouts?: RequestTimeouts | undefined;
  /** Aborts the download; a partly written file is removed. */
  readonly signal?: AbortSignal | undefined;
}

/** Options of downloading a file into a writable stream (`downloadToWritable`, `copyLocalFileToWritable`). */
export interface WritableOptions extends DownloadOptions {
  /** End (close) the destination when the content is written; default `true`. */
  readonly end?: boolean | undefined;
}

/** A destination that accepts bytes: a Node `Writable` or a web `WritableStream`. */
export type ByteDestination = Writable | WritableStream<Uint8Array>;

function retrieveOptions(options: DownloadOptions): StreamRetrieverOptions {
  return {
    ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}

function toWritable(destination: ByteDestination): Writable {
  return destination instanceof Writable ? destination : Writable.fromWeb(destination);
}

function pipeOptions(options: WritableOptions): { end: boolean; signal?: AbortSignal } {
  return {
    end: options.end ?? true,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}

/** Releases a response body that will not be read, so its connection is not held. */
async function discard(body: AsyncIterable<Uint8Array>): Promise<void> {
  try {
    if (body instanceof Readable) {
      body.destroy();
    } else if (body instanceof ReadableStream) {
      await body.cancel();
    } else {
      // Any other iterable: ask its iterator to stop.
      const iterator = body[Symbol.asyncIterator]();
      await iterator.return?.();
    }
  } catch {
    // The body is being thrown away; its own failure does not matter.
  }
}

function toPath(destination: string | URL): string {
  return resolve(destination instanceof URL ? fileURLToPath(destination) : destination);
}

/**
 * The download URL of a file: `baseFileUrl` (e.g. `<api root>/file/bot<token>`) joined with the
 * `file_path` from `getFile`, each path segment percent-encoded (spaces, `#`, `?`, non-ASCII).
 * Rejects `.` and `..` segments, which would make the URL leave the bot's file directory.
 *
 * @example buildFileUrl('https://host/file/bot123:abc', 'photos/file 1.jpg')
 * // 'https://host/file/bot123:abc/photos/file%201.jpg'
 */
export function buildFileUrl(baseFileUrl: string, filePath: string): string {
  const segments = filePath.replace(/^\/+/, '').split('/');
  for (const segment of segments) {
    if (segment === '.' || segment === '..') {
      throw new InvalidArgumentError(
        `file_path ${JSON.stringify(filePath)} contains a "${segment}" segment`,
        {
          parameter: 'file_path',
        },
      );
    }
  }
  return `${baseFileUrl.replace(/\/+$/, '')}/${segments.map(encodeURIComponent).join('/')}`;
}

/**
 * Downloads `url` into a file at `destination` (created or truncated), streaming to disk. When
 * the download fails or is aborted after the file was opened, the partial file is removed.
 * Resolves to the absolute path written.
 *
 * @example const saved = await downloadToFile(bot.request, url, './voice.ogg');
 */
export async function downloadToFile(
  source: StreamRetriever,
  url: string,
  destination: string | URL,
  options: DownloadOptions = {},
): Promise<string> {
  const path = toPath(destination);
  const body = await source.retrieveStream(url, retrieveOptions(options));
  let handle: FileHandle;
  try {
    handle = await open(path, 'w');
  } catch (error) {
    // A destination that cannot be opened (a directory, a read-only file) is left as it was;
    // the response body is released so its connection can be reused.
    await discard(body);
    throw error;
  }
  const output = handle.createWriteStream();
  try {
    await pipeline(body, output, options.signal === undefined ? {} : { signal: options.signal });
  } catch (error) {
    // The file was opened (created or truncated) by this call: remove what was written of it,
    // once its descriptor is closed.
    if (!output.closed) await new Promise<void>((done) => output.once('close', () => done()));
    await rm(path, { force: true }).catch(() => undefined);
    throw error;
  }
  return path;
}

/**
 * Downloads `url` into `destination` (a Node `Writable` or a web `WritableStream`), with
 * backpressure. The destination is ended afterwards unless `end: false` is given.
 */
export async function downloadToWritable(
  source: StreamRetriever,
  url: string,
  destination: ByteDestination,
  options: WritableOptions = {},
): Promise<void> {
  const body = await source.retrieveStream(url, retrieveOptions(options));
  await pipeline(body, toWritable(destination), pipeOptions(options));
}

/** Downloads `url` into memory and resolves to its bytes. */
export async function downloadToBytes(
  source: StreamRetriever,
  url: string,
  options: DownloadOptions = {},
): Promise<Uint8Array> {
  const body = await source.retrieveStream(url, retrieveOptions(options));
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    options.signal?.throwIfAborted();
    chunks.push(chunk);
    total += chunk.length;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Local mode: copies the file at `path` (a `file_path` given by the server) to `destination` and
 * resolves to the destination's absolute path. Copying a file onto itself does nothing.
 */
export async function copyLocalFile(path: string, destination: string | URL): Promise<string> {
  const from = resolve(path);
  const to = toPath(destination);
  if (from === to) return to;
  const [source, target] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
  // The same file under another name (a hard link or symlink): copying would truncate it first.
  if (target !== undefined && target.dev === source.dev && target.ino === source.ino) return to;
  await copyFile(from, to);
  return to;
}

/** Local mode: reads the file at `path` into memory. */
export async function readLocalFile(path: string): Promise<Uint8Array> {
  return readFile(path);
}

/** Local mode: streams the file at `path` into `destination`, ended afterwards unless `end: false`. */
export async function copyLocalFileToWritable(
  path: string,
  destination: ByteDestination,
  options: WritableOptions = {},
): Promise<void> {
  await pipeline(createReadStream(path), toWritable(destination), pipeOptions(options));
}
