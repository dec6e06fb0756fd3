/**
 * A Bot wired to a loopback FakeApiServer that answers every method with a plausible result of its
 * return type, for shortcut tests: they check what reached the server.
 */
import { Bot } from '../../src/bot.js';
import { METHODS } from '../../src/generated/metadata.js';
import { FAKE_TOKEN, FakeApiServer, type RecordedRequest } from '../helpers/fake-api-server.js';
import { sampleOf } from '../helpers/samples.js';

function resultOf(typeName: string): unknown {
  if (typeName.startsWith('Array of ')) return [resultOf(typeName.slice(9))];
  switch (typeName) {
    case 'Boolean':
    case 'True':
      return true;
    case 'String':
      return 'result';
    case 'Integer':
      return 7;
    default:
      return sampleOf(typeName);
  }
}

/** The API method a recorded request called. */
export function methodOf(request: RecordedRequest): string {
  return request.path.split('/').pop() ?? '';
}

/** The JSON body of a recorded request. */
export function bodyOf(request: RecordedRequest): Record<string, unknown> {
  return JSON.parse(request.body?.toString('utf8') ?? '{}') as Record<string, unknown>;
}

/** A started server and a bot pointed at it. */
export async function startHarness(): Promise<{ server: FakeApiServer; bot: Bot }> {
  const server = await FakeApiServer.start((exchange) => {
    const meta = METHODS[methodOf(exchange.recorded)];
    if (meta === undefined) {
      exchange.json(404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    exchange.json(200, { ok: true, result: resultOf(meta.returns[0] ?? 'Boolean') });
  });
  const bot = new Bot(FAKE_TOKEN, { baseUrl: `${server.origin}/bot` });
  return { server, bot };
}

/** The last request the server saw: its method and JSON body. */
export function lastCall(server: FakeApiServer): { method: string; body: Record<string, unknown> } {
  const request = server.requests.at(-1);
  if (request === undefined) throw new Error('no request reached the server');
  return { method: methodOf(request), body: bodyOf(request) };
}
