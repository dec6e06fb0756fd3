// The application loads the callback data cache from its persistence at initialize and writes it
// back whenever it changed (and only then), unless storeData.callbackData is off.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Application,
  CallbackDataCache,
  callbackDataOf,
  DictPersistence,
  type ExtBot,
  InvalidCallbackData,
} from '../../../src/ext/index.js';
import type { PersistedCallbackData } from '../../../src/ext/persistence/base.js';
import { Update } from '../../../src/index.js';
import { Emulator } from '../../../src/testing/index.js';
import type { BotInfo } from '../../../src/testing/users.js';

class RecordingPersistence extends DictPersistence {
  readonly written: PersistedCallbackData[] = [];
  override async updateCallbackData(data: PersistedCallbackData): Promise<void> {
    this.written.push(data);
    await super.updateCallbackData(data);
  }
}

let emu: Emulator;
let info: BotInfo;
before(async () => {
  emu = await Emulator.start();
  info = await emu.createBot({ username: 'persisted_data_bot' });
});
after(async () => {
  await emu.stop();
});

function press(bot: ExtBot, queryId: string, id: string): Update {
  const raw = {
    update_id: 1,
    callback_query: {
      id: queryId,
      from: { id: 7, is_bot: false, first_name: 'A' },
      chat_instance: 'c',
      data: id,
    },
  };
  bot.insertCallbackData(raw);
  return Update.fromJSON(raw, bot);
}

/** A stored cache with one keyboard, and the id of its button. */
function storedCache(): { json: string; id: string } {
  const seed = new CallbackDataCache();
  const sent = seed.processKeyboard({
    inline_keyboard: [[{ text: 'a', callback_data: { stored: [1, 2] } }]],
  });
  return {
    json: JSON.stringify(seed.persistenceData),
    id: sent.inline_keyboard[0]?.[0]?.callback_data ?? '',
  };
}

describe('callback data with persistence', () => {
  test('loaded at initialize, written when changed, not written when unchanged', async () => {
    const { json, id } = storedCache();
    const persistence = new RecordingPersistence({ callbackDataJson: json });
    const app = Application.builder()
      .token(info.token)
      .baseUrl(emu.baseUrl)
      .updater(null)
      .arbitraryCallbackData(true)
      .persistence(persistence)
      .build();
    await app.initialize();
    try {
      const bot = app.bot as ExtBot;
      assert.deepEqual(callbackDataOf(press(bot, 'q1', id).callback_query as never), { stored: [1, 2] });
      await app.updatePersistence();
      assert.equal(persistence.written.length, 1, 'the press changed the cache: one write');
      assert.deepEqual(JSON.parse(persistence.callbackDataJson), bot.callbackDataCache?.persistenceData);
      assert.deepEqual(JSON.parse(persistence.callbackDataJson).queries, {
        q1: CallbackDataCache.extractIds(id)[0],
      });
      await app.updatePersistence();
      assert.equal(persistence.written.length, 1, 'nothing changed: no write');
      bot.callbackDataCache?.clearCallbackData();
      await app.updatePersistence();
      assert.equal(persistence.written.length, 2);
      assert.deepEqual(JSON.parse(persistence.callbackDataJson).keyboards, []);
    } finally {
      await app.shutdown();
    }
  });

  test('storeData.callbackData false: neither loaded nor written', async () => {
    const { json, id } = storedCache();
    const persistence = new RecordingPersistence({
      callbackDataJson: json,
      storeData: { callbackData: false },
    });
    const app = Application.builder()
      .token(info.token)
      .baseUrl(emu.baseUrl)
      .updater(null)
      .arbitraryCallbackData(true)
      .persistence(persistence)
      .build();
    await app.initialize();
    try {
      const bot = app.bot as ExtBot;
      assert.ok(callbackDataOf(press(bot, 'q1', id).callback_query as never) instanceof InvalidCallbackData);
      bot.callbackDataCache?.processKeyboard({ inline_keyboard: [[{ text: 'b', callback_data: 1 }]] });
      await app.updatePersistence();
      assert.equal(persistence.written.length, 0);
    } finally {
      await app.shutdown();
    }
  });
});
