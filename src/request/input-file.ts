/**
 * `InputFile`: a file the bot uploads, whatever it comes from (a local path, bytes, a stream, a
 * Blob), with the filename and MIME type the multipart encoder needs.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from '../errors.js';

/** The MIME type used when nothing better is known. */
export const DEFAULT_MIME_TYPE = 'application/octet-stream';

/** Size of the pieces in which in-memory content is handed to the HTTP client. */
const CHUNK_SIZE = 64 * 1024;

/** How many leading bytes are enough to recognise every format {@link sniffMimeType} knows. */
const SNIFF_LENGTH = 64;

/**
 * Extensions of the files bots commonly send, and their MIME types. The first extension listed for
 * a type is the one used to name a file that only has a type.
 */
const MIME_BY_EXTENSION: ReadonlyMap<string, string> = new Map([
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['jpe', 'image/jpeg'],
  ['png', 'image/png'],
  ['gif', 'image/gif'],
  ['webp', 'image/webp'],
  ['bmp', 'image/bmp'],
  ['svg', 'image/svg+xml'],
  ['tif', 'image/tiff'],
  ['tiff', 'image/tiff'],
  ['ico', 'image/vnd.microsoft.icon'],
  ['heic', 'image/heic'],
  ['heif', 'image/heif'],
  ['avif', 'image/avif'],
  ['mp4', 'video/mp4'],
  ['m4v', 'video/mp4'],
  ['mov', 'video/quicktime'],
  ['webm', 'video/webm'],
  ['mkv', 'video/x-matroska'],
  ['avi', 'video/x-msvideo'],
  ['mpeg', 'video/mpeg'],
  ['mpg', 'video/mpeg'],
  ['3gp', 'video/3gpp'],
  ['mp3', 'audio/mpeg'],
  ['m4a', 'audio/mp4'],
  ['ogg', 'audio/ogg'],
  ['oga', 'audio/ogg'],
  ['opus', 'audio/ogg'],
  ['wav', 'audio/wav'],
  ['flac', 'audio/flac'],
  ['aac', 'audio/aac'],
  ['mid', 'audio/midi'],
  ['midi', 'audio/midi'],
  ['pdf', 'application/pdf'],
  ['zip', 'application/zip'],
  ['gz', 'application/gzip'],
  ['tar', 'application/x-tar'],
  ['7z', 'application/x-7z-compressed'],
  ['rar', 'application/vnd.rar'],
  ['txt', 'text/plain'],
  ['log', 'text/plain'],
  ['md', 'text/markdown'],
  ['json', 'application/json'],
  ['csv', 'text/csv'],
  ['html', 'text/html'],
  ['htm', 'text/html'],
  ['xml', 'application/xml'],
  ['ics', 'text/calendar'],
  ['vcf', 'text/vcard'],
  ['tgs', 'application/x-tgsticker'],
  ['doc', 'application/msword'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xls', 'application/vnd.ms-excel'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt', 'application/vnd.ms-powerpoint'],
  ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['odt', 'application/vnd.oasis.opendocument.text'],
  ['ods', 'application/vnd.oasis.opendocument.spreadsheet'],
  ['rtf', 'application/rtf'],
  ['epub', 'application/epub+zip'],
  ['apk', 'application/vnd.android.package-archive'],
]);

const EXTENSION_BY_MIME: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [extension, type] of MIME_BY_EXTENSION) if (!map.has(type)) map.set(type, extension);
  return map;
})();

/** A token of RFC 9110 (type and subtype of a MIME type), optionally followed by parameters. */
const MIME_TYPE_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*;.*)?$/s;

function isMimeType(value: string): boolean {
  if (!MIME_TYPE_PATTERN.test(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return false;
  }
  return true;
}

/** What a custom attach name may contain: it is embedded in `attach://` URIs and part names. */
const ATTACH_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The MIME type of a filename, from its extension (case-insensitive), or `undefined` when the
 * extension is not one bots commonly send.
 *
 * @example guessMimeType('Report.PDF') // 'application/pdf'
 */
export function guessMimeType(filename: string): string | undefined {
  const extension = extname(filename).slice(1).toLowerCase();
  return extension === '' ? undefined : MIME_BY_EXTENSION.get(extension);
}

function startsWith(bytes: Uint8Array, offset: number, ascii: string): boolean {
  if (bytes.length < offset + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[offset + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/**
 * Recognises a file format from its first bytes (magic numbers): JPEG, PNG, GIF, WebP, WAV, AVI,
 * PDF, Ogg, MP4/QuickTime/M4A, WebM/Matroska, MP3, FLAC, ZIP, gzip. `undefined` when unknown.
 *
 * @example sniffMimeType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) // 'image/png'
 */
export function sniffMimeType(bytes: Uint8Array): string | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (startsWith(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, 0, 'RIFF')) {
    if (startsWith(bytes, 8, 'WEBP')) return 'image/webp';
    if (startsWith(bytes, 8, 'WAVE')) return 'audio/wav';
    if (startsWith(bytes, 8, 'AVI ')) return 'video/x-msvideo';
    return undefined;
  }
  if (startsWith(bytes, 0, '%PDF-')) return 'application/pdf';
  if (startsWith(bytes, 0, 'OggS')) return 'audio/ogg';
  if (startsWith(bytes, 4, 'ftyp')) {
    if (startsWith(bytes, 8, 'qt  ')) return 'video/quicktime';
    if (startsWith(bytes, 8, 'M4A ')) return 'audio/mp4';
    return 'video/mp4';
  }
  if (b0 === 0x1a && b1 === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_LENGTH));
    return head.includes('webm') ? 'video/webm' : 'video/x-matroska';
  }
  if (startsWith(bytes, 0, 'fLaC')) return 'audio/flac';
  if (startsWith(bytes, 0, 'ID3')) return 'audio/mpeg';
  if (b0 === 0xff && b1 !== undefined && (b1 & 0xe6) === 0xe2) return 'audio/mpeg';
  if (startsWith(bytes, 0, 'PK\x03\x04')) return 'application/zip';
  if (b0 === 0x1f && b1 === 0x8b) return 'application/gzip';
  return undefined;
}

/**
 * A filename for content that only has a MIME type: `file` plus the type's usual extension
 * (`image/jpeg` -> `file.jpg`), or just `file`.
 */
export function filenameForMimeType(mimeType: string): string {
  const bare = mimeType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const extension = EXTENSION_BY_MIME.get(bare);
  return extension === undefined ? 'file' : `file.${extension}`;
}

/** Anything {@link InputFile} can read content from. */
export type InputFileSource = string | URL | Uint8Array | ArrayBuffer | Readable | ReadableStream | Blob;

/** Options of {@link InputFile}. */
export interface InputFileOptions {
  /** The name Telegram shows for the file; defaults to the path's basename or one made from the type. */
  readonly filename?: string | undefined;
  /** The MIME type; defaults to a guess from the filename, then from the first bytes. */
  readonly mimeType?: string | undefined;
  /**
   * The multipart part name used when the file sits inside another object (`attach://<name>`).
   * Letters, digits, `_` and `-`. Without it a request names such files `file0`, `file1`, ...
   */
  readonly attachName?: string | undefined;
}

/** A Bot API object that refers to a file already on Telegram's servers (e.g. a `PhotoSize`). */
export interface FileIdHolder {
  readonly file_id: string;
}

/**
 * Everything a Bot API parameter of type InputFile-or-String accepts: an {@link InputFile}; bytes,
 * a stream, a Blob or a `file:` URL (uploaded); an object with a `file_id`; or a string that is a
 * file_id, an `http(s)://` URL, an `attach://` reference or a local path.
 */
export type InputFileLike = InputFile | InputFileSource | FileIdHolder;

type Content =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'blob'; readonly blob: Blob }
  | { readonly kind: 'stream'; readonly stream: Readable | ReadableStream };

function isWebReadableStream(value: unknown): value is ReadableStream {
  return typeof ReadableStream !== 'undefined' && value instanceof ReadableStream;
}

/**
 * True for the values that are file content rather than a reference to one: bytes, an ArrayBuffer,
 * a Node `Readable`, a web `ReadableStream` or a `Blob`.
 */
export function isFileContent(
  value: unknown,
): value is Uint8Array | ArrayBuffer | Readable | ReadableStream | Blob {
  return (
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    value instanceof Readable ||
    isWebReadableStream(value) ||
    value instanceof Blob
  );
}

function describe(parameter: string | undefined): string {
  return parameter === undefined ? 'InputFile' : `Parameter "${parameter}"`;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

function pathFromUrl(url: URL | string, parameter?: string): string {
  try {
    return fileURLToPath(url);
  } catch (cause) {
    throw new InvalidArgumentError(`${describe(parameter)}: ${String(url)} is not a usable file: URL`, {
      ...(parameter === undefined ? {} : { parameter }),
      cause,
    });
  }
}

/** Splits in-memory content into pieces the HTTP client writes one at a time (no copying). */
function* pieces(bytes: Uint8Array): Generator<Uint8Array> {
  if (bytes.length <= CHUNK_SIZE) {
    if (bytes.length > 0) yield bytes;
    return;
  }
  for (let offset = 0; offset < bytes.length; offset += CHUNK_SIZE) {
    yield bytes.subarray(offset, Math.min(offset + CHUNK_SIZE, bytes.length));
  }
}

function toBytes(chunk: unknown, parameter: string | undefined): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new InvalidArgumentError(
    `${describe(parameter)}: the stream produced a ${typeof chunk} chunk; only bytes and strings can be uploaded`,
    parameter === undefined ? {} : { parameter },
  );
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  return Buffer.concat(chunks, total);
}

/**
 * A file to upload (PTB's `InputFile`). Pass it wherever the Bot API accepts a file; a plain path,
 * bytes or a stream work too and are wrapped in one for you.
 *
 * - A path (string or `file:` URL) is checked when a request is built and streamed from disk on
 *   every send, never read into memory whole.
 * - Bytes and Blobs are sent as they are (Blobs, including `fs.openAsBlob()` ones, are streamed).
 * - A Node `Readable` or web `ReadableStream` can be read only once, so it is read into memory the
 *   first time it is needed and kept: a retried request re-sends exactly the same bytes.
 *
 * @example
 * await bot.sendDocument(chatId, new InputFile('./report.pdf'));
 * await bot.sendPhoto(chatId, new InputFile(buffer, { filename: 'chart.png' }));
 */
export class InputFile {
  readonly #content: Content;
  readonly #givenAttachName: string | undefined;
  #attachName: string | undefined;
  #filename: string | undefined;
  #mimeType: string | undefined;
  #size: number | undefined;
  #buffered: Uint8Array | undefined;
  #loading: Promise<Uint8Array> | undefined;

  constructor(source: InputFileSource, options: InputFileOptions = {}) {
    const { filename, mimeType, attachName } = options;
    if (mimeType !== undefined && !isMimeType(mimeType)) {
      throw new InvalidArgumentError(`InputFile: ${JSON.stringify(mimeType)} is not a MIME type`);
    }
    if (attachName !== undefined && !ATTACH_NAME_PATTERN.test(attachName)) {
      throw new InvalidArgumentError(
        `InputFile: attachName ${JSON.stringify(attachName)} must be 1 to 64 letters, digits, "_" or "-"`,
      );
    }
    this.#givenAttachName = attachName;
    this.#attachName = attachName;
    this.#filename = filename === '' ? undefined : filename;
    this.#mimeType = mimeType;
    this.#content = InputFile.#classify(source);

    const content = this.#content;
    if (this.#filename === undefined) {
      if (content.kind === 'path') this.#filename = basename(content.path);
      else if (content.kind === 'blob') this.#filename = InputFile.#blobName(content.blob);
      else if (content.kind === 'stream') this.#filename = InputFile.#streamName(content.stream);
    }
    if (content.kind === 'blob') {
      this.#size = content.blob.size;
      if (this.#mimeType === undefined && content.blob.type !== '') this.#mimeType = content.blob.type;
    }
    if (this.#mimeType === undefined && this.#filename !== undefined) {
      this.#mimeType = guessMimeType(this.#filename);
    }
    if (content.kind === 'bytes') {
      this.#size = content.bytes.length;
      this.#mimeType ??= sniffMimeType(content.bytes) ?? DEFAULT_MIME_TYPE;
    }
  }

  static #classify(source: InputFileSource): Content {
    if (typeof source === 'string') {
      if (/^https?:\/\//i.test(source)) {
        throw new InvalidArgumentError(
          'InputFile reads local files only; pass an http(s) URL as a plain string and Telegram fetches it',
        );
      }
      const path = /^file:\/\//i.test(source) ? pathFromUrl(source) : source;
      return { kind: 'path', path: resolve(path) };
    }
    if (source instanceof URL) {
      if (source.protocol !== 'file:') {
        throw new InvalidArgumentError(
          `InputFile reads local files only; ${source.protocol} URLs are passed to Telegram as plain strings`,
        );
      }
      return { kind: 'path', path: resolve(pathFromUrl(source)) };
    }
    if (source instanceof Uint8Array) return { kind: 'bytes', bytes: source };
    if (source instanceof ArrayBuffer) return { kind: 'bytes', bytes: new Uint8Array(source) };
    if (source instanceof Blob) return { kind: 'blob', blob: source };
    if (source instanceof Readable || isWebReadableStream(source)) return { kind: 'stream', stream: source };
    throw new InvalidArgumentError(
      'InputFile needs a path, a file: URL, bytes, a Blob, a Node Readable or a web ReadableStream',
    );
  }

  static #blobName(blob: Blob): string | undefined {
    const name: unknown = (blob as { name?: unknown }).name;
    return typeof name === 'string' && name !== '' ? basename(name) : undefined;
  }

  static #streamName(stream: Readable | ReadableStream): string | undefined {
    // fs.createReadStream() remembers its path: use it as PTB does for open file objects.
    const path: unknown = (stream as { path?: unknown }).path;
    if (typeof path === 'string' && path !== '') return basename(path);
    if (path instanceof Uint8Array && path.length > 0) return basename(Buffer.from(path).toString('utf8'));
    return undefined;
  }

  /** The filename sent to Telegram (given, the path's basename, or derived from the MIME type). */
  get filename(): string {
    return this.#filename ?? filenameForMimeType(this.mimeType);
  }

  /**
   * The MIME type sent with the content. For a path, a Blob or a stream whose type neither the
   * options nor the name tell, it is sniffed from the content by {@link prepare}; until then it
   * reads `application/octet-stream`.
   */
  get mimeType(): string {
    return this.#mimeType ?? DEFAULT_MIME_TYPE;
  }

  /** The part name for `attach://` references: the one given, else a random one made on first use. */
  get attachName(): string {
    this.#attachName ??= `file_${randomBytes(8).toString('hex')}`;
    return this.#attachName;
  }

  /** Whether {@link attachName} was given in the options (requests then use it as is). */
  get hasCustomAttachName(): boolean {
    return this.#givenAttachName !== undefined;
  }

  /** `attach://<attachName>`: how an object inside a request refers to this file's part. */
  get attachUri(): string {
    return `attach://${this.attachName}`;
  }

  /** The absolute local path, for files read from disk; `undefined` otherwise. */
  get path(): string | undefined {
    return this.#content.kind === 'path' ? this.#content.path : undefined;
  }

  /** The content length in bytes when known: bytes, Blobs, read streams, and paths after {@link prepare}. */
  get size(): number | undefined {
    return this.#size;
  }

  /**
   * The whole content, when it is already in memory (bytes, or a stream after it was read);
   * `undefined` for paths, Blobs and unread streams.
   */
  get bufferedContent(): Uint8Array | undefined {
    const content = this.#content;
    return content.kind === 'bytes' ? content.bytes : this.#buffered;
  }

  /**
   * Gets the file ready to be sent, before any byte goes out: checks that a path names a readable
   * regular file (and sniffs its type if its name does not tell), reads a stream into memory.
   * Fails with {@link InvalidArgumentError} naming `parameter` (e.g. `media[1].thumbnail`).
   */
  async prepare(parameter?: string): Promise<void> {
    const content = this.#content;
    if (content.kind === 'path') await this.#preparePath(content.path, parameter);
    else if (content.kind === 'stream') await this.#load(parameter);
    else if (content.kind === 'blob' && this.#mimeType === undefined && content.blob.size > 0) {
      const head = new Uint8Array(await content.blob.slice(0, SNIFF_LENGTH).arrayBuffer());
      this.#mimeType = sniffMimeType(head) ?? DEFAULT_MIME_TYPE;
    }
  }

  async #preparePath(path: string, parameter: string | undefined): Promise<void> {
    const options = parameter === undefined ? {} : { parameter };
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, 'r');
    } catch (cause) {
      const code = errorCode(cause);
      const problem =
        code === 'ENOENT' || code === 'ENOTDIR'
          ? 'does not exist'
          : `cannot be read (${code ?? String(cause)})`;
      throw new InvalidArgumentError(`${describe(parameter)}: the local file ${path} ${problem}`, {
        ...options,
        cause,
      });
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) {
        throw new InvalidArgumentError(`${describe(parameter)}: ${path} is not a regular file`, options);
      }
      this.#size = stats.size;
      if (this.#mimeType === undefined) {
        const head = new Uint8Array(SNIFF_LENGTH);
        const { bytesRead } = await handle.read(head, 0, SNIFF_LENGTH, 0);
        this.#mimeType = sniffMimeType(head.subarray(0, bytesRead)) ?? DEFAULT_MIME_TYPE;
      }
    } finally {
      await handle.close();
    }
  }

  /** Reads a stream source into memory once; later calls (and concurrent ones) share the result. */
  #load(parameter?: string): Promise<Uint8Array> {
    if (this.#buffered !== undefined) return Promise.resolve(this.#buffered);
    this.#loading ??= this.#readStream(parameter).then(
      (bytes) => {
        this.#buffered = bytes;
        this.#size = bytes.length;
        this.#mimeType ??= sniffMimeType(bytes) ?? DEFAULT_MIME_TYPE;
        return bytes;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  async #readStream(parameter: string | undefined): Promise<Uint8Array> {
    const content = this.#content;
    if (content.kind !== 'stream') throw new Error('InputFile: not a stream');
    const stream = content.stream;
    const options = parameter === undefined ? {} : { parameter };
    const consumed = isWebReadableStream(stream)
      ? stream.locked || Readable.isDisturbed(stream as unknown as Readable)
      : Readable.isDisturbed(stream) || stream.readableEnded;
    if (consumed) {
      throw new InvalidArgumentError(
        `${describe(parameter)}: the stream was already read from, so its content is gone; pass a fresh stream or the bytes`,
        options,
      );
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (isWebReadableStream(stream)) {
      const reader = stream.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const bytes = toBytes(value, parameter);
          chunks.push(bytes);
          total += bytes.length;
        }
      } finally {
        reader.releaseLock();
      }
    } else {
      for await (const chunk of stream) {
        const bytes = toBytes(chunk, parameter);
        chunks.push(bytes);
        total += bytes.length;
      }
    }
    return concat(chunks, total);
  }

  /**
   * The content as a fresh async iterable of chunks; call it again to send the same bytes again
   * (a path is re-opened, a stream's content comes from memory after the first read).
   */
  async *chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    const content = this.#content;
    switch (content.kind) {
      case 'path':
        for await (const chunk of createReadStream(content.path, { highWaterMark: CHUNK_SIZE })) {
          yield chunk as Buffer;
        }
        return;
      case 'bytes':
        yield* pieces(content.bytes);
        return;
      case 'blob':
        for await (const chunk of content.blob.stream()) yield chunk as Uint8Array;
        return;
      case 'stream':
        yield* pieces(await this.#load());
        return;
    }
  }

  /** Reads the whole content into memory (mostly for tests and in-process servers). */
  async toBytes(): Promise<Uint8Array> {
    const content = this.#content;
    if (content.kind === 'bytes') return content.bytes;
    if (content.kind === 'stream') return this.#load();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of this.chunks()) {
      chunks.push(chunk);
      total += chunk.length;
    }
    return concat(chunks, total);
  }

  /**
   * Refuses JSON serialisation: an InputFile reaching `JSON.stringify` means it was put where the
   * Bot API takes no file, and sending `{}` instead would hide the mistake.
   */
  toJSON(): never {
    throw new InvalidArgumentError(
      `InputFile ${this.filename} was passed where the Bot API does not accept a file upload`,
    );
  }
}
