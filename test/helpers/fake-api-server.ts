/**
 * A small HTTP server on 127.0.0.1 (random port) for request-layer tests: it records every request
 * (method, path, headers, client port, body) and answers with a handler the test sets.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The client's port: equal for two requests means one reused connection. */
  readonly remotePort: number;
  /** The body, once read (by default before the handler runs). */
  body: Buffer | undefined;
}

/** What a handler gets: the raw exchange plus helpers. */
export interface Exchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly recorded: RecordedRequest;
  /** Sends `value` as JSON with `status`. */
  json(status: number, value: unknown): void;
}

/** Answers one exchange; the body has been read unless the server was started with `readBodies: false`. */
export type Handler = (exchange: Exchange) => void | Promise<void>;

/** Options of {@link FakeApiServer.start}. */
export interface FakeApiServerOptions {
  /** Read each request body before calling the handler (default true). */
  readonly readBodies?: boolean;
}

/** A fake token, shaped like a real one, for asserting that it never leaks. */
export const FAKE_TOKEN = '123456789:AAF4kEfakeTOKENvalue_for-tests0000000';

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The loopback server. Always `await server.close()` in a `finally` / `after`. */
export class FakeApiServer {
  readonly requests: RecordedRequest[] = [];
  readonly #server: Server;
  readonly #readBodies: boolean;
  #handler: Handler = (exchange) => exchange.json(200, { ok: true, result: true });

  private constructor(server: Server, readBodies: boolean) {
    this.#server = server;
    this.#readBodies = readBodies;
  }

  /** Starts a server on 127.0.0.1 and a free port. */
  static async start(handler?: Handler, options: FakeApiServerOptions = {}): Promise<FakeApiServer> {
    const server = createServer();
    const fake = new FakeApiServer(server, options.readBodies ?? true);
    if (handler !== undefined) fake.#handler = handler;
    server.on('request', (request, response) => {
      fake.#onRequest(request, response).catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  /** `http://127.0.0.1:<port>`. */
  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The port the server listens on. */
  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** The URL of a Bot API method for `token` on this server. */
  methodUrl(method: string, token = FAKE_TOKEN): string {
    return `${this.origin}/bot${token}/${method}`;
  }

  /** Replaces the handler for the following requests. */
  setHandler(handler: Handler): void {
    this.#handler = handler;
  }

  /** Stops listening and cuts every open connection. */
  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      remotePort: request.socket.remotePort ?? 0,
      body: undefined,
    };
    this.requests.push(recorded);
    if (this.#readBodies) recorded.body = await readBody(request);
    await this.#handler({
      request,
      response,
      recorded,
      json(status, value) {
        const text = JSON.stringify(value);
        response.writeHead(status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        });
        response.end(text);
      },
    });
  }
}
