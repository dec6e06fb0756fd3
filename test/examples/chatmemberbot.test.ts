import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApplication, type ChatKind } from '../../examples/chatmemberbot.js';
import type { Application } from '../../src/ext/index.js';
import { Update } from '../../src/index.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

function tracked(app: Application, kind: ChatKind): number[] {
  return [...((app.botData[kind] as Set<number> | undefined) ?? [])];
}

/** Waits (up to 3 s) until the bot's record of one kind of chat equals `expected`. */
async function expectTracked(app: Application, kind: ChatKind, expected: readonly number[]): Promise<void> {
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    if (JSON.stringify(tracked(app, kind)) === JSON.stringify(expected)) return;
    await sleep(20);
  }
  assert.deepEqual(tracked(app, kind), expected);
}

test('chatmemberbot: tracks its chats, greets joiners and leavers, lists chats', async () => {
  const info = await emu.createBot({ username: 'seed_member_bot' });
  const ann = await emu.createUser({ firstName: 'Ann', lastName: 'Lee', username: 'ann' });
  const bob = await emu.createUser({ firstName: 'Bob', username: 'bob' });
  const cid = await emu.createUser({ firstName: 'Cid', username: 'cid' });
  const app = buildApplication(info.token, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [], allowedUpdates: Update.ALL_TYPES });
  try {
    // A first private message is recorded and greeted, once.
    await ann.sendMessage(info, 'hello');
    await ann.expectMessage({
      text: "Welcome Ann Lee. Use /show_chats to see what chats I'm in.",
      timeoutMs: 5000,
    });
    await ann.sendMessage(info, 'hello again');
    await ann.expectNoMessage({ timeoutMs: 300 });
    assert.deepEqual(tracked(app, 'userIds'), [ann.id]);

    // Added to a supergroup as an administrator (so it also gets chat_member updates).
    const group = await emu.createSupergroup({ title: 'Club', owner: ann, members: [bob] });
    await emu.addBot(group, info, { admin: true, by: ann });
    await expectTracked(app, 'groupIds', [group.id]);

    // Added to a channel (channels take bots as administrators only).
    const channel = await emu.createChannel({ title: 'News', owner: ann });
    await emu.addBot(channel, info, { admin: true, by: ann });
    await expectTracked(app, 'channelIds', [channel.id]);

    await cid.join(group);
    const welcome = await cid.expectMessage({
      text: 'Cid was added by Cid. Welcome!',
      chat: group,
      timeoutMs: 5000,
    });
    assert.deepEqual(
      (welcome.entities as { type: string; user?: { id: number } }[]).map((e) => [e.type, e.user?.id]),
      [
        ['text_mention', cid.id],
        ['text_mention', cid.id],
      ],
    );
    await bob.leave(group);
    await ann.expectMessage({
      text: 'Bob is no longer with us. Thanks a lot, Bob ...',
      chat: group,
      timeoutMs: 5000,
    });

    await ann.sendCommand(info, '/show_chats');
    await ann.expectMessage({
      text:
        `@seed_member_bot is currently in a conversation with the user IDs ${ann.id}.` +
        ` Moreover it is a member of the groups with IDs ${group.id}` +
        ` and administrator in the channels with IDs ${channel.id}.`,
      timeoutMs: 5000,
    });

    // Blocking the bot ends the private chat; unblocking brings it back.
    await ann.block(info);
    await expectTracked(app, 'userIds', []);
    await ann.unblock(info);
    await expectTracked(app, 'userIds', [ann.id]);

    // The bot leaves the group: it is no longer listed.
    await app.bot.leaveChat(group.id);
    await expectTracked(app, 'groupIds', []);
    assert.deepEqual(tracked(app, 'channelIds'), [channel.id]);
  } finally {
    app.stopRunning();
    await running;
  }
});
