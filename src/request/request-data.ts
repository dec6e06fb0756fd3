/**
 * `RequestData`: turns the parameter object of one Bot API call into what goes on the wire — a
 * JSON body, or a multipart/form-data body when files are uploaded.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InvalidArgumentError } from '../errors.js';
import { InputFile, isFileContent } from './input-file.js';
import { MultipartBody, type MultipartPart } from './multipart.js';
import type { FileSlot, FileSlots } from './types.js';

/** Options of {@link RequestData.build}. */
export interface RequestDataOptions {
  /** The Bot API method, for error messages. */
  readonly method: string;
  /** Where the method's parameters may hold files (from the generated method metadata). */
  readonly fileSlots: FileSlots;
  /**
   * Whether the bot talks to a Bot API server in local mode: local paths are then sent as
   * `file://` URIs for the server to read instead of being uploaded.
   */
  readonly localMode: boolean;
}

/** A multipart/form-data body with its `Content-Type` header value. */
export interface MultipartPayload {
  readonly contentType: string;
  /** Can be iterated again (a retry) and yields the same bytes each time. */
  readonly body: AsyncIterable<Uint8Array>;
}

/** One uploaded file of a request. */
export interface Upload {
  /** The multipart part name: the parameter's name, or the attach name inside an object. */
  readonly name: string;
  readonly file: InputFile;
  /** Where the file was first found, e.g. `photo` or `media[1].thumbnail`. */
  readonly parameter: string;
}

/** Strings Telegram reads as a file_id: nothing but letters, digits, `_` and `-`. */
const FILE_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
/** Strings Telegram fetches itself or resolves to a part of the request. */
const REMOTE_PATTERN = /^(?:https?|attach):\/\//i;
const FILE_URI_PATTERN = /^file:\/\//i;

/**
 * Streams can be read only once: the InputFile made for a raw stream is remembered, so building
 * a request again with the same stream (a retry by the caller) reuses the bytes read the first time.
 */
const streamFiles = new WeakMap<object, InputFile>();

/** Stands for a nested file in the JSON: serialises to `attach://<part name>` once named. */
class AttachReference {
  name = '';
  constructor(readonly file: InputFile) {}
  toJSON(): string {
    return `attach://${this.name}`;
  }
}

function unixSeconds(date: Date, key: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) {
    throw new InvalidArgumentError(`Invalid Date given for "${key === '' ? 'a parameter' : key}"`, {
      ...(key === '' ? {} : { parameter: key }),
    });
  }
  return Math.floor(ms / 1000);
}

/**
 * JSON.stringify replacer for wire values. `Date.prototype.toJSON` runs before a replacer, so the
 * original value is read from the holder (`this`) to turn Dates into Unix seconds. BigInts become
 * numbers when exact, else decimal strings (which Telegram parses as integers too).
 */
function wireReplacer(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'string' || value === null) {
    const raw = (this as Record<string, unknown>)[key];
    return raw instanceof Date ? unixSeconds(raw, key) : value;
  }
  if (typeof value === 'bigint') {
    const asNumber = Number(value);
    return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
  }
  return value;
}

/** Nesting beyond which the cheap scan gives up and lets the replacer handle the value. */
const MAX_SCAN_DEPTH = 32;

/**
 * Whether serialising `value` needs {@link wireReplacer}: it holds a Date or a BigInt, or an object
 * with its own `toJSON()` whose output is unknown. Plain objects and arrays (the usual
 * `reply_markup` literal) are scanned, so they keep JSON.stringify's fast path.
 */
function needsReplacer(value: object, depth: number): boolean {
  if (depth > MAX_SCAN_DEPTH) return true;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (
        typeof item === 'bigint' ||
        (typeof item === 'object' && item !== null && needsReplacer(item, depth + 1))
      ) {
        return true;
      }
    }
    return false;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return true;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (
      typeof item === 'bigint' ||
      (typeof item === 'object' && item !== null && needsReplacer(item, depth + 1))
    ) {
      return true;
    }
  }
  return false;
}

function hasToJSON(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function withMethod(error: unknown, method: string): unknown {
  if (error instanceof InvalidArgumentError && error.method === undefined) {
    return new InvalidArgumentError(error.message, {
      ...(error.parameter === undefined ? {} : { parameter: error.parameter }),
      method,
      ...(error.cause === undefined ? {} : { cause: error.cause }),
    });
  }
  return error;
}

async function checkLocalFile(path: string, parameter: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch (cause) {
    throw new InvalidArgumentError(
      `Parameter "${parameter}": ${JSON.stringify(path)} is not a file_id, a URL or an existing local file`,
      { parameter, cause },
    );
  }
  if (!isFile) {
    throw new InvalidArgumentError(`Parameter "${parameter}": ${path} is not a regular file`, { parameter });
  }
}

/** Walks the values at file slots: finds uploads, rewrites references, queues the checks. */
class FileCollector {
  readonly #localMode: boolean;
  /** Files sent as a part named after their top-level parameter, in parameter order. */
  readonly topLevel = new Map<string, InputFile>();
  /** Files inside objects, in order of first appearance, with their shared JSON stand-in. */
  readonly nested = new Map<InputFile, AttachReference>();
  /** Every distinct file and the parameter it was first seen at (names it in errors). */
  readonly firstSeen = new Map<InputFile, string>();
  readonly #localChecks: Promise<void>[] = [];

  constructor(localMode: boolean) {
    this.#localMode = localMode;
  }

  visit(value: unknown, slot: FileSlot, path: string, top: boolean): unknown {
    if (Array.isArray(value)) {
      return value.map((item: unknown, index) => this.visit(item, slot, `${path}[${index}]`, false));
    }
    if (slot === true) return this.#fileValue(value, path, top);
    if (typeof value !== 'object' || value === null || value instanceof Date) return value;
    if (value instanceof InputFile || isFileContent(value)) {
      throw new InvalidArgumentError(`Parameter "${path}" takes an object that contains files, not a file`, {
        parameter: path,
      });
    }
    const source: unknown = hasToJSON(value) ? value.toJSON() : value;
    if (typeof source !== 'object' || source === null) return source;
    if (Array.isArray(source)) return this.visit(source, slot, path, top);
    const fields = source as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of Object.keys(fields)) {
      const fieldValue = fields[field];
      if (fieldValue === undefined) continue;
      const fieldSlot = Object.hasOwn(slot, field) ? slot[field] : undefined;
      out[field] =
        fieldSlot === undefined ? fieldValue : this.visit(fieldValue, fieldSlot, `${path}.${field}`, false);
    }
    return out;
  }

  #fileValue(value: unknown, path: string, top: boolean): unknown {
    if (value instanceof InputFile) return this.#upload(value, path, top);
    if (typeof value === 'string') return this.#stringValue(value, path, top);
    if (value instanceof URL) {
      return value.protocol === 'file:' ? this.#localPath(this.#urlPath(value, path), path, top) : value.href;
    }
    if (isFileContent(value)) {
      if (value instanceof Uint8Array || value instanceof ArrayBuffer || value instanceof Blob) {
        return this.#upload(new InputFile(value), path, top);
      }
      let file = streamFiles.get(value);
      if (file === undefined) {
        file = new InputFile(value);
        streamFiles.set(value, file);
      }
      return this.#upload(file, path, top);
    }
    if (typeof value === 'object' && value !== null) {
      const fileId = (value as { file_id?: unknown }).file_id;
      if (typeof fileId === 'string') return fileId;
    }
    return value;
  }

  #stringValue(value: string, path: string, top: boolean): unknown {
    if (FILE_ID_PATTERN.test(value) || REMOTE_PATTERN.test(value)) return value;
    if (value === '') {
      throw new InvalidArgumentError(`Parameter "${path}" is an empty string, not a file`, {
        parameter: path,
      });
    }
    const local = FILE_URI_PATTERN.test(value) ? this.#urlPath(value, path) : value;
    return this.#localPath(local, path, top);
  }

  #urlPath(url: URL | string, path: string): string {
    try {
      return fileURLToPath(url);
    } catch (cause) {
      throw new InvalidArgumentError(`Parameter "${path}": ${String(url)} is not a usable file: URI`, {
        parameter: path,
        cause,
      });
    }
  }

  #localPath(localPath: string, path: string, top: boolean): unknown {
    const absolute = resolve(localPath);
    if (this.#localMode) {
      this.#localChecks.push(checkLocalFile(absolute, path));
      return pathToFileURL(absolute).href;
    }
    return this.#upload(new InputFile(absolute), path, top);
  }

  #upload(file: InputFile, path: string, top: boolean): unknown {
    if (!this.firstSeen.has(file)) this.firstSeen.set(file, path);
    if (top) {
      this.topLevel.set(path, file);
      return file;
    }
    let reference = this.nested.get(file);
    if (reference === undefined) {
      reference = new AttachReference(file);
      this.nested.set(file, reference);
    }
    return reference;
  }

  /** Runs every file check and stream read, concurrently; rejects on the first problem. */
  async prepare(): Promise<void> {
    const work: Promise<void>[] = [...this.#localChecks];
    for (const [file, parameter] of this.firstSeen) work.push(file.prepare(parameter));
    await Promise.all(work);
  }

  /**
   * Names the parts: top-level files after their parameter, nested ones after their custom attach
   * name or `file0`, `file1`, ... (skipping names already taken). Returns every upload, in order.
   */
  assignNames(parameterNames: readonly string[], method: string): Upload[] {
    const uploads: Upload[] = [];
    const topName = new Map<InputFile, string>();
    for (const [parameter, file] of this.topLevel) {
      uploads.push({ name: parameter, file, parameter });
      if (!topName.has(file)) topName.set(file, parameter);
    }
    const taken = new Set(parameterNames);
    const custom = new Map<string, InputFile>();
    for (const file of this.nested.keys()) {
      if (topName.has(file) || !file.hasCustomAttachName) continue;
      const name = file.attachName;
      const parameter = this.firstSeen.get(file) ?? name;
      const owner = custom.get(name);
      if (owner !== undefined && owner !== file) {
        throw new InvalidArgumentError(
          `Parameter "${parameter}": two different files use the attach name "${name}"`,
          {
            parameter,
            method,
          },
        );
      }
      if (taken.has(name)) {
        throw new InvalidArgumentError(
          `Parameter "${parameter}": the attach name "${name}" is also a parameter of ${method}`,
          { parameter, method },
        );
      }
      custom.set(name, file);
    }
    let counter = 0;
    for (const [file, reference] of this.nested) {
      const existing = topName.get(file);
      if (existing !== undefined) {
        reference.name = existing;
        continue;
      }
      let name: string;
      if (file.hasCustomAttachName) {
        name = file.attachName;
      } else {
        do name = `file${counter++}`;
        while (taken.has(name) || custom.has(name));
      }
      reference.name = name;
      uploads.push({ name, file, parameter: this.firstSeen.get(file) ?? name });
    }
    return uploads;
  }
}

function textValue(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      return JSON.stringify(value, wireReplacer);
  }
}

/**
 * The wire form of one Bot API call (PTB's `RequestData`). Build it with {@link RequestData.build};
 * the HTTP layer sends {@link jsonPayload} as `application/json`, or {@link multipart} when
 * {@link containsFiles} is true.
 *
 * Values are converted as Telegram expects: `undefined` and `null` parameters are left out, Dates
 * become Unix seconds, objects with `toJSON()` go through it. At the places the method's file
 * slots mark, files are found and uploaded (see {@link build}).
 */
export class RequestData {
  /** The Bot API method this payload is for. */
  readonly method: string;
  /** True when at least one file is uploaded (the body must then be multipart). */
  readonly containsFiles: boolean;
  /** The uploaded files with their part names: top-level parameters first, then nested files. */
  readonly uploads: readonly Upload[];
  readonly #wire: Readonly<Record<string, unknown>>;
  /** Set in the constructor when values need conversion; plain parameters are stringified on first use. */
  #json: string | undefined;
  #multipart: MultipartPayload | undefined;
  #parameters: Readonly<Record<string, unknown>> | undefined;

  private constructor(method: string, wire: Record<string, unknown>, uploads: Upload[], plain: boolean) {
    this.method = method;
    this.#wire = wire;
    this.uploads = uploads;
    this.containsFiles = uploads.length > 0;
    if (this.containsFiles) {
      const body = new MultipartBody(this.#parts());
      this.#multipart = { contentType: body.contentType, body };
    } else if (!plain) {
      // Values that need conversion are converted now, so a bad one (an invalid Date) fails in build().
      this.#json = JSON.stringify(wire, wireReplacer);
    }
  }

  /**
   * Converts a method's parameters. At a file slot a value may be:
   * - an {@link InputFile}, bytes, a stream or a Blob: uploaded;
   * - an object with a string `file_id` (a file the bot received): sent as that file_id;
   * - a string: an `http(s)://` or `attach://` URL, or a file_id (only letters, digits, `_`, `-`),
   *   is sent as is; a `file://` URI or any other string is a local path, which must be a file
   *   (checked here) and is uploaded — or, in local mode, sent as a `file://` URI.
   *
   * A file at a top-level parameter is sent as a part of that name; a file inside an object gets
   * a part named `file0`, `file1`, ... (or its own attach name) and `attach://<name>` in the JSON.
   * The same InputFile appearing twice is uploaded once.
   *
   * @throws {InvalidArgumentError} for a missing local file, an unreadable or already consumed
   *   stream, or conflicting attach names; nothing has been sent then.
   */
  static async build(
    params: Readonly<Record<string, unknown>>,
    options: RequestDataOptions,
  ): Promise<RequestData> {
    return await RequestData.prepare(params, options);
  }

  /**
   * {@link build} without a promise when no file has to be read first (the common case): the
   * request data itself, or a promise of it when files are prepared. May throw synchronously.
   */
  static prepare(
    params: Readonly<Record<string, unknown>>,
    options: RequestDataOptions,
  ): RequestData | Promise<RequestData> {
    const { method, fileSlots } = options;
    const wire: Record<string, unknown> = {};
    let plain = true;
    let collector: FileCollector | undefined;
    for (const key of Object.keys(params)) {
      let value = params[key];
      if (value === undefined || value === null) continue;
      if (Object.hasOwn(fileSlots, key)) {
        const slot = fileSlots[key];
        if (slot !== undefined && (typeof value === 'object' || typeof value === 'string')) {
          collector ??= new FileCollector(options.localMode);
          try {
            value = collector.visit(value, slot, key, true);
          } catch (error) {
            throw withMethod(error, method);
          }
        }
      }
      if (
        plain &&
        (typeof value === 'bigint' ||
          (typeof value === 'object' && value !== null && needsReplacer(value, 0)))
      ) {
        plain = false;
      }
      wire[key] = value;
    }
    if (collector !== undefined) return RequestData.#withUploads(method, wire, collector, plain);
    try {
      return new RequestData(method, wire, [], plain);
    } catch (error) {
      throw withMethod(error, method);
    }
  }

  static async #withUploads(
    method: string,
    wire: Record<string, unknown>,
    collector: FileCollector,
    plain: boolean,
  ): Promise<RequestData> {
    try {
      await collector.prepare();
      const uploads = collector.assignNames(Object.keys(wire), method);
      return new RequestData(method, wire, uploads, plain);
    } catch (error) {
      throw withMethod(error, method);
    }
  }

  /** The `application/json` body: every parameter, nested objects included. */
  jsonPayload(): string {
    if (this.#json === undefined && !this.containsFiles) this.#json = JSON.stringify(this.#wire);
    if (this.#json === undefined) {
      throw new Error(`${this.method} uploads files: send multipart() instead of jsonPayload()`);
    }
    return this.#json;
  }

  /**
   * The multipart/form-data body: one text part per parameter (strings as they are, numbers and
   * booleans as text, objects and arrays as JSON), one file part per upload. The same object is
   * returned on every call, and iterating its body again yields identical bytes.
   */
  multipart(): MultipartPayload {
    if (this.#multipart === undefined) {
      const body = new MultipartBody(this.#parts());
      this.#multipart = { contentType: body.contentType, body };
    }
    return this.#multipart;
  }

  /**
   * The parameters as they go on the wire: JSON-ready values (Dates as seconds, objects through
   * `toJSON()`, nested files as `attach://` strings, local-mode paths as `file://` URIs), and the
   * {@link InputFile} itself for a file uploaded at a top-level parameter.
   */
  get parameters(): Readonly<Record<string, unknown>> {
    if (this.#parameters !== undefined) return this.#parameters;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(this.#wire)) {
      const value = this.#wire[key];
      if (value instanceof InputFile || (typeof value !== 'object' && typeof value !== 'bigint')) {
        if (typeof value !== 'function' && typeof value !== 'symbol') out[key] = value;
        continue;
      }
      const text = JSON.stringify(value, wireReplacer);
      if (text !== undefined) out[key] = JSON.parse(text);
    }
    this.#parameters = Object.freeze(out);
    return this.#parameters;
  }

  #parts(): MultipartPart[] {
    const parts: MultipartPart[] = [];
    const wire = this.#wire;
    for (const key of Object.keys(wire)) {
      const value = wire[key];
      if (value instanceof InputFile) {
        parts.push(filePart(key, value));
        continue;
      }
      const text = textValue(value);
      if (text !== undefined) parts.push({ name: key, value: text });
    }
    for (const upload of this.uploads) {
      if (wire[upload.name] !== upload.file) parts.push(filePart(upload.name, upload.file));
    }
    return parts;
  }
}

function filePart(name: string, file: InputFile): MultipartPart {
  return {
    name,
    filename: file.filename,
    contentType: file.mimeType,
    chunks: () => file.chunks(),
    bufferedContent: file.bufferedContent,
  };
}
