// Every method of the spec, called with nothing and with generated arguments: answers are either
// Telegram-style errors or values of the method's return type, never a server error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { METHODS } from '../../src/generated/metadata.js';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { Emulator, makeValue } from '../../src/testing/index.js';
import { call, ok } from './helpers.js';

describe('every method of the spec', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  let messageId: number;
  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'every_method_bot' });
    alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendMessage(bot, '/start');
    messageId = (
      await ok<{ message_id: number }>(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'x' })
    ).message_id;
  });
  after(() => emu.stop());

  test('without parameters: missing required ones are named, the rest answer their type', async () => {
    for (const meta of Object.values(METHODS)) {
      if (meta.name === 'getUpdates' || meta.name === 'close' || meta.name === 'logOut') continue;
      const answer = await call(emu, bot.token, meta.name, {});
      assert.notEqual(answer.status, 500, `${meta.name}: ${answer.body.description}`);
      const required = meta.params.filter((param) => param.required);
      if (required.length > 0) {
        assert.equal(answer.status, 400, `${meta.name} accepted a call without its required parameters`);
        assert.match(answer.body.description ?? '', /^Bad Request: /, meta.name);
      }
    }
  });

  async function callAll(known: Record<string, unknown>): Promise<void> {
    for (const meta of Object.values(METHODS)) {
      if (['getUpdates', 'close', 'logOut', 'setWebhook', 'deleteWebhook'].includes(meta.name)) continue;
      const params: Record<string, unknown> = {};
      for (const param of meta.params) {
        if (!param.required) continue;
        const type = param.types[0] ?? 'String';
        params[param.name] =
          known[param.name] ?? makeValue(type, { now: Math.floor(Date.now() / 1000) }, param.name);
        if (type === 'String' && params[param.name] === '') params[param.name] = 'generated';
      }
      const answer = await call(emu, bot.token, meta.name, params);
      assert.ok(
        [200, 400, 403].includes(answer.status),
        `${meta.name}: ${answer.status} ${answer.body.description}`,
      );
    }
  }

  test('with generated arguments in a private chat: never a server error', async () => {
    await callAll({
      chat_id: alice.id,
      user_id: alice.id,
      from_chat_id: alice.id,
      message_id: messageId,
      message_ids: [messageId],
      text: 'generated',
      caption: 'generated',
    });
  });

  test('with generated arguments in a forum supergroup the bot administers: never a server error', async () => {
    const bob = await emu.createUser({ firstName: 'Bob' });
    const group = await emu.createSupergroup({
      title: 'Everything',
      owner: alice,
      members: [bob],
      adminBots: [bot],
      isForum: true,
    });
    const posted = await bob.sendMessage(group, '/start@every_method_bot');
    await callAll({
      chat_id: group.id,
      user_id: bob.id,
      from_chat_id: group.id,
      message_id: posted.message_id,
      message_ids: [posted.message_id],
      text: 'generated',
      caption: 'generated',
      name: 'generated',
    });
  });
});
