import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallbackContext } from '../../src/ext/context.js';
import { ApplicationHandlerStop } from '../../src/ext/errors.js';
import { BaseHandler } from '../../src/ext/handlers/base.js';
import { Job } from '../../src/ext/job-queue/job.js';
import { messageUpdate, offlineApp, recordingLogger } from './helpers.js';

/** A handler matching strings that start with its prefix; records calls into `log`. */
class PrefixProbe extends BaseHandler<string> {
  constructor(
    readonly prefix: string,
    log: string[],
    name: string,
    behaviour: (update: string, context: CallbackContext) => unknown = () => undefined,
    block?: boolean,
  ) {
    super(
      async (update, context) => {
        log.push(name);
        return behaviour(update, context);
      },
      block === undefined ? {} : { block },
    );
  }

  checkUpdate(update: unknown): boolean {
    return typeof update === 'string' && update.startsWith(this.prefix);
  }
}

describe('Application dispatch', () => {
  it('runs groups in ascending order, the first matching handler of each group', async () => {
    const app = offlineApp();
    const log: string[] = [];
    app.addHandler(new PrefixProbe('a', log, 'g1-first'), 1);
    app.addHandler(new PrefixProbe('a', log, 'g1-second'), 1);
    app.addHandler(new PrefixProbe('a', log, 'g-5'), -5);
    app.addHandler(new PrefixProbe('b', log, 'g0-b'), 0);
    app.addHandler(new PrefixProbe('a', log, 'g0-a'), 0);
    await app.processUpdate('abc');
    assert.deepEqual(log, ['g-5', 'g0-a', 'g1-first']);
    assert.deepEqual([...app.handlers.keys()], [-5, 0, 1]);
  });

  it('ApplicationHandlerStop stops later groups', async () => {
    const app = offlineApp();
    const log: string[] = [];
    app.addHandler(
      new PrefixProbe('x', log, 'stopper', () => {
        throw new ApplicationHandlerStop();
      }),
      0,
    );
    app.addHandler(new PrefixProbe('x', log, 'later'), 1);
    await app.processUpdate('x');
    assert.deepEqual(log, ['stopper']);
  });

  it('removeHandler removes, and an emptied group disappears', async () => {
    const app = offlineApp();
    const log: string[] = [];
    const handler = new PrefixProbe('', log, 'h');
    app.addHandlers({ 2: [handler] });
    app.removeHandler(handler, 2);
    assert.equal(app.handlers.size, 0);
    await app.processUpdate('x');
    assert.deepEqual(log, []);
    assert.throws(() => app.addHandlers({ 1: [handler] }, 1), /group/);
  });

  it('errors reach the error handlers with the update; later groups still run', async () => {
    const app = offlineApp();
    const log: string[] = [];
    const seen: Array<[unknown, unknown]> = [];
    app.addHandler(
      new PrefixProbe('', log, 'boom', () => {
        throw new Error('boom');
      }),
    );
    app.addHandler(new PrefixProbe('', log, 'after'), 1);
    app.addErrorHandler((update, context) => {
      seen.push([update, context.error]);
    });
    await app.processUpdate('u1');
    assert.deepEqual(log, ['boom', 'after']);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.[0], 'u1');
    assert.match(String(seen[0]?.[1]), /boom/);
  });

  it('an error handler throwing ApplicationHandlerStop stops later groups and error handlers', async () => {
    const app = offlineApp();
    const log: string[] = [];
    app.addHandler(
      new PrefixProbe('', log, 'boom', () => {
        throw new Error('boom');
      }),
    );
    app.addHandler(new PrefixProbe('', log, 'after'), 1);
    app.addErrorHandler(() => {
      log.push('eh1');
      throw new ApplicationHandlerStop();
    });
    app.addErrorHandler(() => {
      log.push('eh2');
    });
    await app.processUpdate('u');
    assert.deepEqual(log, ['boom', 'eh1']);
  });

  it('without error handlers, errors are logged with the error itself', async () => {
    const logger = recordingLogger();
    const app = offlineApp(logger);
    const error = new Error('unhandled');
    app.addHandler(
      new PrefixProbe('', [], 'boom', () => {
        throw error;
      }),
    );
    await app.processUpdate('u');
    assert.equal(logger.errors.length, 1);
    assert.match(String(logger.errors[0]?.[0]), /No error handlers are registered/);
    assert.equal(logger.errors[0]?.[1], error);
  });

  it('a failing error handler is logged, not thrown', async () => {
    const logger = recordingLogger();
    const app = offlineApp(logger);
    app.addHandler(
      new PrefixProbe('', [], 'boom', () => {
        throw new Error('first');
      }),
    );
    app.addErrorHandler(() => {
      throw new Error('second');
    });
    await app.processUpdate('u');
    assert.equal(logger.errors.length, 1);
    assert.match(String(logger.errors[0]?.[1]), /second/);
  });

  it('checkUpdate throwing reaches the error handlers', async () => {
    const app = offlineApp();
    const errors: unknown[] = [];
    class Throwing extends BaseHandler<unknown> {
      checkUpdate(): boolean {
        throw new RangeError('check failed');
      }
    }
    app.addHandler(new Throwing(() => undefined));
    app.addErrorHandler((_u, c) => {
      errors.push(c.error);
    });
    await app.processUpdate({ junk: true });
    assert.ok(errors[0] instanceof RangeError);
  });

  it('non-blocking handlers run as tracked tasks; later groups do not wait; their errors are routed', async () => {
    const app = offlineApp();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    app.addHandler(
      new PrefixProbe(
        '',
        log,
        'slow',
        async () => {
          await gate;
          log.push('slow-done');
          throw new Error('late');
        },
        false,
      ),
    );
    app.addHandler(new PrefixProbe('', log, 'next-group'), 1);
    const errors: unknown[] = [];
    app.addErrorHandler((_u, c) => {
      errors.push(c.error);
    });
    await app.processUpdate('u');
    assert.deepEqual(log, ['slow', 'next-group']);
    assert.equal(app.pendingTasks, 1);
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(log, ['slow', 'next-group', 'slow-done']);
    assert.equal(errors.length, 1);
    assert.equal(app.pendingTasks, 0);
  });

  it('createTask routes failures with the given update and resolves undefined', async () => {
    const app = offlineApp();
    const seen: unknown[] = [];
    app.addErrorHandler((update, c) => {
      seen.push(update, c.error);
    });
    const ok = await app.createTask(async () => 42);
    assert.equal(ok, 42);
    const failed = await app.createTask(Promise.reject(new Error('task')), { update: 'U' });
    assert.equal(failed, undefined);
    assert.equal(seen[0], 'U');
    assert.match(String(seen[1]), /task/);
  });

  it('the same context object serves every group; chat and user data are per chat and user', async () => {
    const app = offlineApp();
    const contexts: CallbackContext[] = [];
    class AnyUpdate extends BaseHandler {
      checkUpdate(): boolean {
        return true;
      }
    }
    app.addHandler(new AnyUpdate((_u, c) => void contexts.push(c)), 0);
    app.addHandler(new AnyUpdate((_u, c) => void contexts.push(c)), 1);
    await app.processUpdate(messageUpdate('hi', { userId: 5, chatId: -77 }));
    assert.equal(contexts.length, 2);
    assert.equal(contexts[0], contexts[1]);
    const context = contexts[0]!;
    assert.equal(app.chatData.size, 0, 'chat data is created lazily');
    context.chatData!.x = 1;
    context.userData!.y = 2;
    context.botData.z = 3;
    assert.deepEqual(app.chatData.get(-77), { x: 1 });
    assert.deepEqual(app.userData.get(5), { y: 2 });
    assert.deepEqual(app.botData, { z: 3 });
    await app.processUpdate('a string');
    assert.equal(contexts[2]?.chatData, undefined);
    assert.equal(contexts[2]?.userData, undefined);
    app.migrateChatData({ oldChatId: -77, newChatId: -1000077 });
    assert.deepEqual(app.chatData.get(-1000077), { x: 1 });
    assert.equal(app.chatData.has(-77), false);
    app.dropUserData(5);
    assert.equal(app.userData.has(5), false);
  });

  it('error contexts: a job names its chat and user; non-blocking error handlers run as tasks; duplicates are ignored', async () => {
    const logger = recordingLogger();
    const app = offlineApp(logger);
    const seen: unknown[] = [];
    const blocking = (_update: unknown, context: CallbackContext): void => {
      seen.push(context.job?.name, context.chatData !== undefined, context.userData !== undefined);
    };
    app.addErrorHandler(blocking);
    app.addErrorHandler(blocking);
    assert.equal(app.errorHandlers.size, 1);
    assert.equal(logger.warnings.length, 1);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const late = async (): Promise<void> => {
      await gate;
      seen.push('late');
    };
    app.addErrorHandler(late, { block: false });
    const stopped = await app.processError(
      null,
      new Error('job failed'),
      new Job(() => undefined, { name: 'nightly', chatId: 3, userId: 4 }),
    );
    assert.equal(stopped, false);
    assert.deepEqual(seen, ['nightly', true, true]);
    assert.equal(app.pendingTasks, 1);
    release();
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(seen, ['nightly', true, true, 'late']);
    app.removeErrorHandler(late);
    app.removeErrorHandler(blocking);
    assert.equal(app.errorHandlers.size, 0);
  });

  it('stop() waits for tasks created while running', async () => {
    const app = offlineApp();
    Object.defineProperty(app.bot, 'initialize', { value: async () => undefined });
    await app.initialize();
    await app.start();
    let finished = false;
    void app.createTask(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
    });
    await app.stop();
    assert.equal(finished, true);
  });
});
