/** Reads the parameters of a Bot API request from its query string and body. */
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors.js';
import { MultipartError, MultipartParser, multipartBoundary } from './multipart.js';

/** A file uploaded in a multipart request. */
export interface Upload {
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly data: Buffer;
}

/** The parameters of one request: plain values (strings from forms, anything from JSON) and uploads. */
export interface RequestInput {
  readonly params: Record<string, unknown>;
  readonly uploads: Map<string, Upload>;
}

/** Size bounds of request bodies. */
export interface BodyLimits {
  /** Largest JSON or urlencoded body, in bytes. */
  readonly maxJsonBytes: number;
  /** Largest multipart body, in bytes. */
  readonly maxUploadBytes: number;
}

function tooLarge(): ApiError {
  return new ApiError(413, 'Request Entity Too Large');
}

async function readAll(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads and decodes the request: query string first, then the body (JSON, urlencoded or multipart). */
export async function readInput(req: IncomingMessage, url: URL, limits: BodyLimits): Promise<RequestInput> {
  const params: Record<string, unknown> = {};
  const uploads = new Map<string, Upload>();
  for (const [key, value] of url.searchParams) params[key] = value;
  const declared = Number(req.headers['content-length'] ?? '0');
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    if (declared > limits.maxUploadBytes) throw tooLarge();
    const boundary = multipartBoundary(req.headers['content-type'] ?? '');
    if (boundary === undefined) throw new ApiError(400, 'Bad Request: multipart boundary is missing');
    const parser = new MultipartParser(boundary, { maxBytes: limits.maxUploadBytes, maxParts: 1000 });
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) parser.write(chunk);
      for (const part of parser.end()) {
        if (part.filename !== undefined) {
          uploads.set(part.name, { filename: part.filename, contentType: part.contentType, data: part.data });
        } else {
          params[part.name] = part.data.toString('utf8');
        }
      }
    } catch (error) {
      if (error instanceof MultipartError) {
        req.resume();
        if (error.tooLarge) throw tooLarge();
        throw new ApiError(400, `Bad Request: ${error.message}`);
      }
      throw error;
    }
    return { params, uploads };
  }
  if (declared > limits.maxJsonBytes) throw tooLarge();
  const body = await readAll(req, limits.maxJsonBytes);
  if (body.length === 0) return { params, uploads };
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new ApiError(400, "Bad Request: can't parse JSON object");
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ApiError(400, "Bad Request: can't parse JSON object");
    }
    Object.assign(params, parsed);
  } else {
    // Telegram treats any other body as a urlencoded form.
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params[key] = value;
  }
  return { params, uploads };
}
