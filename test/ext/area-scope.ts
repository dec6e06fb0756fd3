// What every per-area test file (area-*.test.ts) starts from: a recording fake Bot API server
// for the file, and for each test a fresh Application without an updater whose error handler
// collects what reaches it.
import { after, before, beforeEach } from 'node:test';
import { Application, type Defaults } from '../../src/ext/index.js';
import { FAKE_TOKEN } from '../helpers/fake-api-server.js';
import { Harness } from '../objects/harness.js';

/** The server, and this test's application and the errors its error handler received. */
export interface AreaScope {
  readonly h: Harness;
  readonly app: Application;
  readonly errors: unknown[];
}

/** Registers the file's hooks; the returned scope's fields are set before each test runs. */
export function areaScope(options: { readonly defaults?: Defaults } = {}): AreaScope {
  const scope = {} as { h: Harness; app: Application; errors: unknown[] };
  before(async () => {
    scope.h = await Harness.start();
  });
  after(async () => {
    await scope.h.close();
  });
  beforeEach(() => {
    scope.h.calls.length = 0;
    const errors: unknown[] = [];
    scope.errors = errors;
    const builder = Application.builder().token(FAKE_TOKEN).baseUrl(`${scope.h.server.origin}/bot`);
    if (options.defaults !== undefined) builder.defaults(options.defaults);
    scope.app = builder.updater(null).build();
    scope.app.addErrorHandler((_update, context) => {
      errors.push(context.error);
    });
  });
  return scope;
}
