// Lifecycle: run order, hooks, signals, graceful stop with in-flight updates, the queue consumer,
// concurrency bounds, Defaults.block.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/builder.js';
import { CallbackContext } from '../../src/ext/context.js';
import { Defaults } from '../../src/ext/defaults.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { Update } from '../../src/generated/types.js';
import { type Exchange, FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';
import { offlineApp, recordingLogger, TOKEN } from './helpers.js';

const ME = { id: 123456789, is_bot: true, first_name: 'Fake', username: 'fake_bot' };

let server: FakeApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A fake API that hands out `pending` updates once, then empty polls; records getUpdates bodies. */
async function fakeApi(pending: unknown[], events: string[] = []) {
  const polls: Array<Record<string, unknown>> = [];
  server = await FakeApiServer.start((exchange: Exchange) => {
    const method = exchange.recorded.path.split('/').pop();
    if (method === 'getMe') return exchange.json(200, { ok: true, result: ME });
    if (method === 'getUpdates') {
      const body = JSON.parse(String(exchange.recorded.body || '{}')) as Record<string, unknown>;
      polls.push(body);
      if (body.limit === 1) events.push('confirm');
      const batch = pending.splice(0);
      if (batch.length > 0) return exchange.json(200, { ok: true, result: batch });
      setTimeout(() => exchange.json(200, { ok: true, result: [] }), 10);
      return;
    }
    exchange.json(200, { ok: true, result: true });
  });
  return { server, polls };
}

function textUpdate(id: number): Record<string, unknown> {
  return {
    update_id: id,
    message: { message_id: id, date: 1, chat: { id: 5, type: 'private', first_name: 'A' }, text: `t${id}` },
  };
}

async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Application lifecycle', () => {
  it('runPolling runs PTB order: initialize, postInit, polling, start ... stop, postStop, shutdown, postShutdown', async () => {
    const events: string[] = [];
    const { server: fake } = await fakeApi([textUpdate(1)], events);
    const app = Application.builder()
      .token(FAKE_TOKEN)
      .baseUrl(`${fake.origin}/bot`)
      .logger(recordingLogger())
      .postInit((a) => {
        events.push(`postInit initialized=${a.initialized} running=${a.running}`);
      })
      .postStop((a) => {
        events.push(`postStop running=${a.running} initialized=${a.initialized}`);
      })
      .postShutdown((a) => {
        events.push(`postShutdown initialized=${a.initialized}`);
      })
      .build();
    app.addHandler(
      new TypeHandler(Update, (update, context) => {
        events.push(`update ${update.update_id} running=${context.application.running}`);
        context.application.stopRunning();
      }),
    );
    await app.runPolling({ timeout: 0, stopSignals: [] });
    assert.deepEqual(events, [
      'postInit initialized=true running=false',
      'update 1 running=true',
      'confirm',
      'postStop running=false initialized=true',
      'postShutdown initialized=false',
    ]);
  });

  it('stopRunning in postInit makes runPolling return; outside runPolling it does nothing', async () => {
    const { server: fake } = await fakeApi([]);
    const app = Application.builder()
      .token(FAKE_TOKEN)
      .baseUrl(`${fake.origin}/bot`)
      .postInit((a) => a.stopRunning())
      .build();
    const before = process.listenerCount('SIGUSR2');
    app.stopRunning();
    await app.runPolling({ timeout: 0, stopSignals: ['SIGUSR2'] });
    assert.equal(process.listenerCount('SIGUSR2'), before);
    assert.equal(app.running, false);
  });

  it('a stop signal ends runPolling gracefully: the in-flight update finishes and is confirmed', async () => {
    const { server: fake, polls } = await fakeApi([textUpdate(40), textUpdate(41)]);
    const app = Application.builder().token(FAKE_TOKEN).baseUrl(`${fake.origin}/bot`).build();
    const before = process.listenerCount('SIGUSR2');
    const exitCode = process.exitCode;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handled: number[] = [];
    let entered = false;
    app.addHandler(
      new TypeHandler(Update, async (update) => {
        entered = true;
        await gate;
        handled.push(update.update_id);
      }),
    );
    const running = app.runPolling({ timeout: 0, stopSignals: ['SIGUSR2'] });
    await until(() => entered, 'the first update');
    assert.equal(process.listenerCount('SIGUSR2'), before + 1);
    process.kill(process.pid, 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await running;
    assert.deepEqual(handled, [40, 41]);
    assert.equal(polls.at(-1)?.offset, 42);
    assert.equal(process.listenerCount('SIGUSR2'), before);
    assert.equal(process.exitCode, exitCode);
  });

  it('building and using an application installs no signal handlers', () => {
    const before = process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');
    Application.builder().token(TOKEN).build();
    assert.equal(process.listenerCount('SIGINT') + process.listenerCount('SIGTERM'), before);
  });

  it('start needs initialize; stop needs start; shutdown needs stop', async () => {
    const app = offlineApp();
    await assert.rejects(app.start(), /not initialized/);
    await assert.rejects(app.stop(), /not running/);
    await app.shutdown();
  });

  it('the queue consumer processes put objects, custom types included, and stop drains the queue', async () => {
    const app = Application.builder().token(TOKEN).updater(null).build();
    class Tick {
      constructor(readonly n: number) {}
    }
    const seen: number[] = [];
    app.addHandler(new TypeHandler(Tick, (tick) => void seen.push(tick.n)));
    // No network: mark the app initialized by skipping bot.initialize through a subclass-free path.
    Object.defineProperty(app.bot, 'initialize', { value: async () => undefined });
    await app.initialize();
    await app.start();
    for (let i = 0; i < 5; i++) app.updateQueue.put(new Tick(i));
    await app.stop();
    assert.deepEqual(seen, [0, 1, 2, 3, 4]);
    assert.equal(app.updateQueue.unfinished, 0);
  });

  it('concurrentUpdates(n) runs at most n updates at once', async () => {
    const app = Application.builder().token(TOKEN).updater(null).concurrentUpdates(3).build();
    Object.defineProperty(app.bot, 'initialize', { value: async () => undefined });
    let active = 0;
    let peak = 0;
    let done = 0;
    app.addHandler(
      new TypeHandler(Number, async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 2));
        active--;
        done++;
      }),
    );
    await app.initialize();
    await app.start();
    for (let i = 0; i < 20; i++) app.updateQueue.put(i);
    await app.stop();
    assert.equal(done, 20);
    assert.equal(peak, 3);
  });

  it('Defaults.block=false makes handlers without an explicit block non-blocking', async () => {
    const app = Application.builder()
      .token(TOKEN)
      .updater(null)
      .defaults(new Defaults({ block: false }))
      .build();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    app.addHandler(
      new TypeHandler(String, async () => {
        await gate;
        log.push('default-block');
      }),
    );
    app.addHandler(new TypeHandler(String, () => void log.push('explicit-block'), { block: true }), 1);
    await app.processUpdate('x');
    assert.deepEqual(log, ['explicit-block']);
    release();
    await until(() => log.length === 2, 'the non-blocking handler');
  });

  it('custom context classes reach handlers and error handlers', async () => {
    class MyContext extends CallbackContext {
      get shout(): string {
        return 'HEY';
      }
    }
    const { ContextTypes } = await import('../../src/ext/context-types.js');
    const app = Application.builder()
      .token(TOKEN)
      .updater(null)
      .contextTypes(new ContextTypes({ context: MyContext }))
      .build();
    const seen: string[] = [];
    app.addHandler(
      new TypeHandler<StringConstructor, MyContext>(String, (_text, context) => {
        seen.push(context.shout);
        throw new Error('x');
      }),
    );
    app.addErrorHandler((_update, context) => {
      seen.push(`${context.shout}:${context.error instanceof Error}`);
    });
    await app.processUpdate('hi');
    assert.deepEqual(seen, ['HEY', 'HEY:true']);
  });
});
