/**
 * Loopback HTTP servers for the file tests: one that records every request it receives, one that
 * serves downloads (and can fail half-way), plus a client that sends a multipart payload.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { Agent, request } from 'undici';

/** A request as the server received it. */
export interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A running loopback server. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

async function shut(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/** Starts a server that stores each request's bytes and answers `{"ok":true,"result":true}`. */
export async function startCaptureServer(): Promise<TestServer & { readonly requests: CapturedRequest[] }> {
  const requests: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"result":true}');
    });
  });
  const origin = await listen(server);
  return { origin, requests, close: () => shut(server) };
}

/** Starts a server whose responses the handler writes. */
export async function startServer(handler: (path: string, res: ServerResponse) => void): Promise<TestServer> {
  const server = createServer((req, res) => handler(req.url ?? '/', res));
  const origin = await listen(server);
  return { origin, close: () => shut(server) };
}

/** An undici client on its own agent, closed by the test. */
export class TestClient {
  readonly agent = new Agent({ keepAliveTimeout: 1000 });

  /** POSTs a body as the HTTP layer would, and returns the status code. */
  async post(url: string, contentType: string, body: AsyncIterable<Uint8Array> | string): Promise<number> {
    const response = await request(url, {
      method: 'POST',
      dispatcher: this.agent,
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : Readable.from(body, { objectMode: false }),
    });
    await response.body.dump();
    return response.statusCode;
  }

  /** GETs a URL and resolves to its body stream once the status is 200 (what BaseRequest will do). */
  async retrieveStream(url: string, options?: { signal?: AbortSignal }): Promise<AsyncIterable<Uint8Array>> {
    const response = await request(url, {
      dispatcher: this.agent,
      ...(options?.signal === undefined ? {} : { signal: options.signal }),
    });
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new Error(`HTTP ${response.statusCode}`);
    }
    return response.body;
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
