/**
 * A streaming multipart/form-data encoder (RFC 7578) for Bot API uploads.
 *
 * Header parameters (`name`, `filename`) are written as quoted strings holding raw UTF-8, with the
 * characters that could end or split them percent-encoded: `"` -> `%22`, `;` -> `%3B`,
 * `\` -> `%5C` and every control character (CR -> `%0D`, LF -> `%0A`, ...). This is the HTML
 * standard's form encoding (what browsers, undici's FormData and httpx send) plus `;` and `\`:
 * Telegram's server splits the header at every `;` even inside quotes and unescapes nothing, and
 * other parsers treat `\` as an escape. RFC 7578 forbids the RFC 5987 `filename*` form, and
 * Telegram shows raw UTF-8 names as they are, so non-ASCII names are not encoded.
 */
import { randomBytes } from 'node:crypto';

/** A text field: its value is sent as UTF-8 with no headers but the disposition. */
export interface MultipartTextPart {
  readonly name: string;
  readonly value: string;
}

/** A file field: its content comes from `chunks()`, which is called once per encoding. */
export interface MultipartFilePart {
  readonly name: string;
  readonly filename: string;
  readonly contentType: string;
  /** A fresh iterable of the content each time it is called. */
  readonly chunks: () => AsyncIterable<Uint8Array>;
  /** The content when it is already in memory; lets the encoder check it against the boundary. */
  readonly bufferedContent?: Uint8Array | undefined;
}

/** One field of a multipart body. */
export type MultipartPart = MultipartTextPart | MultipartFilePart;

/** Options of {@link MultipartBody}. */
export interface MultipartBodyOptions {
  /** A fixed boundary (1 to 70 characters of RFC 2046's set); by default a random one. */
  readonly boundary?: string | undefined;
}

const BOUNDARY_PATTERN = /^[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]$/;
const MAX_BOUNDARY_ATTEMPTS = 8;

/**
 * A fresh boundary: a fixed prefix and 128 random bits, so that file content streamed from disk
 * (which is not searched) contains it with negligible probability.
 */
export function generateBoundary(): string {
  return `----ttbFormBoundary${randomBytes(16).toString('hex')}`;
}

/**
 * Makes a string safe inside a quoted `name="..."` or `filename="..."` header parameter (see the
 * module documentation for the rules).
 *
 * @example escapeHeaderParameter('a "b";c.txt') // 'a %22b%22%3Bc.txt'
 */
export function escapeHeaderParameter(value: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x22 || code === 0x3b || code === 0x5c) {
      out += `${value.slice(start, i)}%${code.toString(16).toUpperCase().padStart(2, '0')}`;
      start = i + 1;
    }
  }
  return start === 0 ? value : out + value.slice(start);
}

function isTextPart(part: MultipartPart): part is MultipartTextPart {
  return 'value' in part;
}

function collides(parts: readonly MultipartPart[], boundary: string): boolean {
  for (const part of parts) {
    if (isTextPart(part)) {
      if (part.value.includes(boundary)) return true;
    } else {
      const bytes = part.bufferedContent;
      if (
        bytes !== undefined &&
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(boundary)
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * A multipart/form-data body that can be iterated any number of times, each time yielding the
 * same bytes (the boundary is fixed when the body is made), so a retried request re-sends it
 * unchanged. Text fields are batched into few chunks; file content is streamed as it comes.
 *
 * @example
 * const body = new MultipartBody([{ name: 'chat_id', value: '42' }, filePart]);
 * await request(url, { method: 'POST', headers: { 'content-type': body.contentType }, body });
 */
export class MultipartBody implements AsyncIterable<Uint8Array> {
  /** The parts, in the order they are sent. */
  readonly parts: readonly MultipartPart[];
  /** The boundary between parts (without the leading `--`). */
  readonly boundary: string;

  constructor(parts: readonly MultipartPart[], options: MultipartBodyOptions = {}) {
    this.parts = parts;
    if (options.boundary !== undefined) {
      if (!BOUNDARY_PATTERN.test(options.boundary)) {
        throw new TypeError(`${JSON.stringify(options.boundary)} is not a valid multipart boundary`);
      }
      if (collides(parts, options.boundary)) {
        throw new TypeError('the multipart boundary occurs in the content of a part');
      }
      this.boundary = options.boundary;
      return;
    }
    for (let attempt = 0; attempt < MAX_BOUNDARY_ATTEMPTS; attempt++) {
      const boundary = generateBoundary();
      if (!collides(parts, boundary)) {
        this.boundary = boundary;
        return;
      }
    }
    throw new Error('could not find a multipart boundary absent from the content');
  }

  /** The `Content-Type` header value, boundary included. */
  get contentType(): string {
    const boundary = /^[0-9A-Za-z'+_.-]+$/.test(this.boundary) ? this.boundary : `"${this.boundary}"`;
    return `multipart/form-data; boundary=${boundary}`;
  }

  /** Encodes the body anew: one header chunk per file, the file's own chunks, text in batches. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    const delimiter = `--${this.boundary}\r\n`;
    let pending = '';
    for (const part of this.parts) {
      pending += `${delimiter}Content-Disposition: form-data; name="${escapeHeaderParameter(part.name)}"`;
      if (isTextPart(part)) {
        pending += `\r\n\r\n${part.value}\r\n`;
        continue;
      }
      const contentType = part.contentType.replace(/[\r\n]/g, '');
      pending += `; filename="${escapeHeaderParameter(part.filename)}"\r\nContent-Type: ${contentType}\r\n\r\n`;
      yield Buffer.from(pending, 'utf8');
      for await (const chunk of part.chunks()) {
        if (chunk.length > 0) yield chunk;
      }
      pending = '\r\n';
    }
    pending += `--${this.boundary}--\r\n`;
    yield Buffer.from(pending, 'utf8');
  }

  /** Encodes the whole body into one buffer (tests, small bodies). */
  async toBytes(): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of this) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
}
