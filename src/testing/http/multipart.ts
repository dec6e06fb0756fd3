/**
 * An incremental multipart/form-data parser: feed it chunks as they arrive, it keeps only the
 * bytes it cannot classify yet, and it refuses bodies, headers or part counts over its bounds.
 */

/** One field or file of a multipart body. */
export interface MultipartPart {
  readonly name: string;
  /** Present for file parts. */
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly data: Buffer;
}

/** Bounds of one parse. */
export interface MultipartLimits {
  /** Largest total of part bodies, in bytes. */
  readonly maxBytes: number;
  /** Largest number of parts. */
  readonly maxParts: number;
}

/** Thrown for a malformed body or one over the limits. */
export class MultipartError extends Error {
  /** True when the body was refused for its size. */
  readonly tooLarge: boolean;
  constructor(message: string, tooLarge = false) {
    super(message);
    this.name = 'MultipartError';
    this.tooLarge = tooLarge;
  }
}

const MAX_HEADER_BYTES = 16 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

type State = 'preamble' | 'delimiter' | 'headers' | 'body' | 'done';

/** Extracts the boundary of a `multipart/form-data` content type, or undefined. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Parses one multipart body fed in chunks. */
export class MultipartParser {
  readonly parts: MultipartPart[] = [];
  readonly #delimiter: Buffer;
  readonly #limits: MultipartLimits;
  #buffer: Buffer = Buffer.from('\r\n');
  #state: State = 'preamble';
  #total = 0;
  #current: { name: string; filename: string | undefined; contentType: string | undefined } | undefined;
  #chunks: Buffer[] = [];

  constructor(boundary: string, limits: MultipartLimits) {
    if (boundary.length === 0 || boundary.length > 200) throw new MultipartError('bad multipart boundary');
    this.#delimiter = Buffer.from(`\r\n--${boundary}`);
    this.#limits = limits;
  }

  /** Feeds the next chunk of the body. */
  write(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    this.#step();
  }

  /** Signals the end of the body; throws when the body stopped before its closing delimiter. */
  end(): MultipartPart[] {
    this.#step();
    if (this.#state !== 'done') throw new MultipartError('multipart body ended early');
    return this.parts;
  }

  #step(): void {
    for (;;) {
      if (this.#state === 'preamble') {
        const at = this.#buffer.indexOf(this.#delimiter);
        if (at < 0) {
          this.#buffer = this.#buffer.subarray(Math.max(0, this.#buffer.length - this.#delimiter.length));
          return;
        }
        this.#buffer = this.#buffer.subarray(at + this.#delimiter.length);
        this.#state = 'delimiter';
      } else if (this.#state === 'delimiter') {
        if (this.#buffer.length < 2) return;
        if (this.#buffer[0] === 0x2d && this.#buffer[1] === 0x2d) {
          this.#state = 'done';
          this.#buffer = Buffer.alloc(0);
          return;
        }
        const eol = this.#buffer.indexOf('\r\n');
        if (eol < 0) {
          if (this.#buffer.length > 64) throw new MultipartError('bad multipart delimiter');
          return;
        }
        if (this.#buffer.subarray(0, eol).toString('latin1').trim() !== '') {
          throw new MultipartError('bad multipart delimiter');
        }
        this.#buffer = this.#buffer.subarray(eol + 2);
        this.#state = 'headers';
      } else if (this.#state === 'headers') {
        // A part without headers starts directly with the blank line.
        const at =
          this.#buffer.subarray(0, 2).toString('latin1') === '\r\n' ? -2 : this.#buffer.indexOf(HEADER_END);
        if (at === -1) {
          if (this.#buffer.length > MAX_HEADER_BYTES) throw new MultipartError('multipart headers too large');
          return;
        }
        const head = at < 0 ? '' : this.#buffer.subarray(0, at).toString('utf8');
        this.#buffer = this.#buffer.subarray(at < 0 ? 2 : at + 4);
        this.#startPart(head);
        this.#state = 'body';
      } else if (this.#state === 'body') {
        const at = this.#buffer.indexOf(this.#delimiter);
        if (at < 0) {
          const safe = this.#buffer.length - this.#delimiter.length + 1;
          if (safe > 0) {
            this.#take(this.#buffer.subarray(0, safe));
            this.#buffer = this.#buffer.subarray(safe);
          }
          return;
        }
        this.#take(this.#buffer.subarray(0, at));
        this.#buffer = this.#buffer.subarray(at + this.#delimiter.length);
        this.#finishPart();
        this.#state = 'delimiter';
      } else {
        return;
      }
    }
  }

  #startPart(head: string): void {
    if (this.parts.length >= this.#limits.maxParts)
      throw new MultipartError('too many multipart parts', true);
    let name: string | undefined;
    let filename: string | undefined;
    let contentType: string | undefined;
    for (const line of head.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'content-disposition') {
        name = /\bname="((?:[^"\\]|\\.)*)"/i.exec(value)?.[1] ?? /\bname=([^;\s]+)/i.exec(value)?.[1];
        filename =
          /\bfilename="((?:[^"\\]|\\.)*)"/i.exec(value)?.[1] ?? /\bfilename=([^;\s]+)/i.exec(value)?.[1];
      } else if (key === 'content-type') {
        contentType = value;
      }
    }
    if (name === undefined) throw new MultipartError('multipart part without a name');
    this.#current = { name, filename, contentType };
    this.#chunks = [];
  }

  #take(data: Buffer): void {
    if (data.length === 0) return;
    this.#total += data.length;
    if (this.#total > this.#limits.maxBytes) throw new MultipartError('multipart body too large', true);
    // Copy: the chunk may be a view of a buffer reused by the caller.
    this.#chunks.push(Buffer.from(data));
  }

  #finishPart(): void {
    const part = this.#current;
    if (part === undefined) return;
    this.parts.push({ ...part, data: Buffer.concat(this.#chunks) });
    this.#current = undefined;
    this.#chunks = [];
  }
}
