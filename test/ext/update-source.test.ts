// runWorker() with an update source of one's own: the source's completion for an update fires only
// after the handlers finished, and stopping waits for what was handed out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Application } from '../../src/ext/application.js';
import '../../src/ext/builder.js';
import { MessageHandler } from '../../src/ext/handlers/message.js';
import type { UpdateSource, UpdateSourceCallbacks, UpdateSourceTarget } from '../../src/ext/index.js';
import { BaseRequest, type PostOptions } from '../../src/request/base.js';
import { recordingLogger, TOKEN } from './helpers.js';

class GetMeOnly extends BaseRequest {
  get defaultTimeouts() {
    return { readTimeout: 1, writeTimeout: 1, connectTimeout: 1, poolTimeout: 1, mediaWriteTimeout: 1 };
  }
  async initialize(): Promise<void> {}
  async shutdown(): Promise<void> {}
  async doRequest(): Promise<never> {
    throw new Error('answered in post()');
  }
  override async post(_url: string, options: PostOptions): Promise<unknown> {
    if (options.endpoint === 'getMe') return { id: 123456, is_bot: true, first_name: 'B', username: 'b_bot' };
    return true;
  }
}

/** A source handing out a fixed list, recording when each completion fires. */
class ListSource implements UpdateSource {
  running = false;
  readonly acknowledged: number[] = [];
  #left = 0;
  #allDone: (() => void) | undefined;
  readonly updates: Record<string, unknown>[];

  constructor(updates: Record<string, unknown>[]) {
    this.updates = updates;
  }

  async start(target: UpdateSourceTarget, _callbacks: UpdateSourceCallbacks): Promise<void> {
    this.running = true;
    this.#left = this.updates.length;
    for (const json of this.updates) {
      target.updateQueue.putThen(json, () => {
        this.acknowledged.push(json.update_id as number);
        if (--this.#left === 0) this.#allDone?.();
      });
    }
  }

  async stop(): Promise<void> {
    if (this.#left > 0) await new Promise<void>((resolve) => (this.#allDone = resolve));
    this.running = false;
  }

  describe(): string {
    return 'a list';
  }
}

function message(updateId: number, chatId: number): Record<string, unknown> {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_700_000_000,
      chat: { id: chatId, type: 'private', first_name: 'U' },
      text: `m${updateId}`,
    },
  };
}

test('runWorker takes updates from the update source; each is acknowledged only after its handler finished', async () => {
  const source = new ListSource([message(1, 10), message(2, 10), message(3, 11)]);
  const app = Application.builder()
    .token(TOKEN)
    .request(new GetMeOnly())
    .getUpdatesRequest(new GetMeOnly())
    .jobQueue(null)
    .logger(recordingLogger())
    .updateSource(source)
    .build();
  const events: string[] = [];
  app.addHandler(
    new MessageHandler(null, async (update) => {
      events.push(`start ${update.update_id} (acknowledged: ${source.acknowledged.join(',')})`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (update.update_id === 3) app.stopRunning();
    }),
  );
  await app.runWorker({ stopSignals: [] });
  assert.deepEqual(source.acknowledged.sort(), [1, 2, 3], 'every update was acknowledged');
  assert.ok(
    events.some((line) => line.startsWith('start 2 (acknowledged: 1')),
    `update 2 of the same chat ran after update 1 was handled and acknowledged: ${events}`,
  );
  assert.equal(source.running, false, 'the source was stopped');
  assert.equal(app.running, false, 'the application stopped');
});

test('runWorker without an update source says how to set one', async () => {
  const app = Application.builder().token(TOKEN).updater(null).build();
  await assert.rejects(
    app.runWorker({ stopSignals: [] }),
    /\.updateSource\(\.\.\.\).*redisStreams/,
    'the fix is named',
  );
});
