/**
 * Loads the part of undici that {@link UndiciRequest} uses: its `Agent`, its `ProxyAgent` and the
 * `request()` method of its dispatchers.
 *
 * undici's package index loads everything it has (fetch, WebSocket, the cache, mock agents, the
 * interceptors), about 90 ms on a bot's first request and 520 KB in a bundled bot. The three
 * modules used here take about a third of that. undici 7 has no "exports" map, so its modules can
 * be imported by path; should a later undici move them, the loader falls back to the whole
 * package, slower to load but the same classes.
 *
 * @module
 */
import type { Agent, Dispatcher, ProxyAgent } from 'undici';

/** What the request layer takes from undici. */
export interface UndiciParts {
  readonly Agent: typeof Agent;
  readonly ProxyAgent: typeof ProxyAgent;
}

/** How the parts were loaded: by module path, or from the package index after that failed. */
export type UndiciLoadRoute = 'modules' | 'package';

const UNDICI_PACKAGE = 'undici';

let loading: Promise<UndiciParts> | undefined;
let route: UndiciLoadRoute | undefined;

/** Loads undici's parts once; later calls share the first load. */
export function loadUndici(): Promise<UndiciParts> {
  loading ??= loadParts();
  return loading;
}

/** How the last completed {@link loadUndici} got undici, `undefined` before one completed. */
export function undiciLoadRoute(): UndiciLoadRoute | undefined {
  return route;
}

async function loadParts(): Promise<UndiciParts> {
  try {
    const parts = await loadModules();
    route = 'modules';
    return parts;
  } catch {
    // A specifier in a variable: bundlers do not follow it, so a bundled bot carries only the
    // modules above (which the bundle then contains, so it never gets here).
    const undici = (await import(UNDICI_PACKAGE)) as typeof import('undici');
    route = 'package';
    return { Agent: undici.Agent, ProxyAgent: undici.ProxyAgent };
  }
}

/** A CommonJS module as `import()` gives it: its `module.exports` as the default export. */
interface CommonJsModule<T> {
  readonly default: T;
}

async function loadModules(): Promise<UndiciParts> {
  const [agent, proxyAgent, dispatcher, api] = await Promise.all([
    import('undici/lib/dispatcher/agent.js') as Promise<CommonJsModule<typeof Agent>>,
    import('undici/lib/dispatcher/proxy-agent.js') as Promise<CommonJsModule<typeof ProxyAgent>>,
    import('undici/lib/dispatcher/dispatcher.js') as Promise<CommonJsModule<typeof Dispatcher>>,
    import('undici/lib/api/index.js') as Promise<CommonJsModule<Record<string, unknown>>>,
  ]);
  const requestMethod = api.default.request;
  if (
    typeof agent.default !== 'function' ||
    typeof proxyAgent.default !== 'function' ||
    typeof dispatcher.default !== 'function' ||
    typeof requestMethod !== 'function'
  ) {
    throw new TypeError('undici modules are not where this version expects them');
  }
  // What undici's own index does: the API methods (request, stream, ...) live on every dispatcher.
  Object.assign(dispatcher.default.prototype, api.default);
  return { Agent: agent.default, ProxyAgent: proxyAgent.default };
}
