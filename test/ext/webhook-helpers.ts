// Shared pieces of the webhook tests: a raw HTTP(S) client with full control over method, headers
// and body, a self-signed certificate made with openssl, and update JSON.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An answer as the client saw it. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Where to send: a port on 127.0.0.1 or a unix socket, over HTTP or HTTPS (trusting `ca`). */
export interface RawTarget {
  readonly port?: number;
  readonly socketPath?: string;
  readonly ca?: Buffer;
}

/** What to send. `body` as a string or Buffer; `chunked` sends it without a Content-Length. */
export interface RawSend {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Send only the headers and wait for the answer (the body never comes). */
  readonly headersOnly?: boolean;
  /** Write the body but do not end the request (the answer must come before the end). */
  readonly leaveOpen?: boolean;
}

/** One request on a fresh connection; resolves with the answer. */
export function rawRequest(target: RawTarget, send: RawSend = {}): Promise<RawAnswer> {
  const body = send.body === undefined ? undefined : Buffer.from(send.body);
  const headers: Record<string, string> = { ...send.headers };
  if (body !== undefined && !send.leaveOpen && headers['content-length'] === undefined) {
    headers['content-length'] = String(body.length);
  }
  const options: RequestOptions & { ca?: Buffer } = {
    method: send.method ?? 'POST',
    path: send.path ?? '/',
    headers,
    agent: false,
  };
  if (target.socketPath !== undefined) options.socketPath = target.socketPath;
  else {
    options.host = '127.0.0.1';
    options.port = target.port;
  }
  if (target.ca !== undefined) options.ca = target.ca;
  const make = target.ca !== undefined ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = make(options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    if (send.headersOnly) {
      request.flushHeaders();
      return;
    }
    if (body !== undefined) request.write(body);
    if (!send.leaveOpen) request.end();
  });
}

/** JSON of a private text message update. */
export function textUpdateJSON(id: number, text: string, chatId = 5): Record<string, unknown> {
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 1_700_000_000,
      chat: { id: chatId, type: 'private', first_name: 'A' },
      from: { id: chatId, is_bot: false, first_name: 'A' },
      text,
    },
  };
}

/** A JSON POST of an update, with the secret token when given. */
export function updatePost(json: unknown, secretToken?: string, path = '/'): RawSend {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secretToken !== undefined) headers['x-telegram-bot-api-secret-token'] = secretToken;
  return { path, headers, body: JSON.stringify(json) };
}

/** A self-signed certificate for 127.0.0.1 (EC P-256), or the reason none could be made. */
export function selfSignedCertificate(): { cert: Buffer; key: Buffer } | { skip: string } {
  const dir = mkdtempSync(join(tmpdir(), 'webhook-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore', timeout: 20_000 },
    );
    return { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) };
  } catch (error) {
    return { skip: `openssl could not make a self-signed certificate: ${String(error)}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resolves when `predicate` holds, checking every few milliseconds (bounded). */
export async function until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
