import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication } from '../../examples/inlinekeyboard2.js';
import type { BotInfo, MessageJSON, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

const T = { timeoutMs: 5000 };
const START = 'Start handler, Choose a route';
const FIRST = 'First CallbackQueryHandler, Choose a route';
const SECOND = 'Second CallbackQueryHandler, Choose a route';
const THIRD = 'Third CallbackQueryHandler. Do want to start over?';
const FOURTH = 'Fourth CallbackQueryHandler, Choose a route';
const YES = "Yes, let's do it again!";
const NAH = "Nah, I've had enough ...";

function labels(message: MessageJSON): string[][] {
  return (message.reply_markup?.inline_keyboard ?? []).map((r) => r.map((button) => button.text));
}

async function withBot(username: string, run: (bot: BotInfo, alice: SimulatedUser) => Promise<void>) {
  const bot = await emu.createBot({ username });
  const alice = await emu.createUser({ firstName: 'Alice' });
  const app = buildApplication(bot.token, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await run(bot, alice);
  } finally {
    app.stopRunning();
    await running;
  }
}

/** Presses a button, checks the press was answered, and returns the message as the bot edited it. */
async function press(alice: SimulatedUser, message: MessageJSON, label: string, text: string) {
  const answer = await alice.clickButton(message, label, T);
  assert.ok(answer !== undefined, `pressing ${label} is answered`);
  const edited = await alice.expectEdit({ text, ...T });
  assert.equal(edited.message_id, message.message_id, 'the menu message itself is edited');
  return edited;
}

test('inlinekeyboard2: every route of the start stage, start over, and the end', async () => {
  await withBot('seed_ik2_routes_bot', async (bot, alice) => {
    await alice.sendCommand(bot, '/start');
    let menu = await alice.expectMessage({ text: START, ...T });
    assert.deepEqual(labels(menu), [['1', '2']]);

    menu = await press(alice, menu, '1', FIRST);
    assert.deepEqual(labels(menu), [['3', '4']]);
    menu = await press(alice, menu, '4', FOURTH);
    assert.deepEqual(labels(menu), [['2', '3']]);
    menu = await press(alice, menu, '2', SECOND);
    assert.deepEqual(labels(menu), [['1', '3']]);
    menu = await press(alice, menu, '3', THIRD);
    assert.deepEqual(labels(menu), [[YES, NAH]]);

    // END_ROUTES: "Yes" carries the same data as button 1 but starts over instead.
    menu = await press(alice, menu, YES, START);
    assert.deepEqual(labels(menu), [['1', '2']]);
    menu = await press(alice, menu, '2', SECOND);
    menu = await press(alice, menu, '1', FIRST);
    menu = await press(alice, menu, '3', THIRD);
    // ...and "Nah" carries button 2's data but ends the conversation.
    menu = await press(alice, menu, NAH, 'See you next time!');
    assert.deepEqual(labels(menu), [], 'the goodbye has no buttons');
  });
});

test('inlinekeyboard2: after the end, old menus are dead until /start begins again', async () => {
  await withBot('seed_ik2_end_bot', async (bot, alice) => {
    await alice.sendCommand(bot, '/start');
    const old = await alice.expectMessage({ text: START, ...T });
    await alice.sendCommand(bot, '/start');
    const menu = await alice.expectMessage({ text: START, ...T });
    const asked = await press(alice, menu, '2', SECOND).then((m) => press(alice, m, '3', THIRD));
    const ended = await press(alice, asked, NAH, 'See you next time!');
    assert.deepEqual(labels(ended), [], 'the goodbye has no buttons');

    // No conversation, and buttons are no entry point: the press gets no answer, nothing changes.
    const answer = await alice.clickButton(old, '1', { timeoutMs: 300 });
    assert.equal(answer, undefined, 'a press on an old menu is not answered once the conversation ended');
    await assert.rejects(alice.expectEdit({ timeoutMs: 300 }), /no bot edit/);
    // Other text is not part of this bot at all.
    await alice.sendMessage(bot, 'hello?');
    await alice.expectNoMessage({ timeoutMs: 300 });

    await alice.sendCommand(bot, '/start');
    const again = await alice.expectMessage({ text: START, ...T });
    await press(alice, again, '1', FIRST);
    // The old menu works again too: per chat, not per message, as in the seed.
    await press(alice, old, '2', SECOND);
  });
});

test('inlinekeyboard2: /start in either stage sends a fresh start menu (the fallback)', async () => {
  await withBot('seed_ik2_fallback_bot', async (bot, alice) => {
    await alice.sendCommand(bot, '/start');
    const first = await alice.expectMessage({ text: START, ...T });
    await press(alice, first, '1', FIRST);

    // In START_ROUTES.
    await alice.sendCommand(bot, '/start');
    const second = await alice.expectMessage({ text: START, ...T });
    assert.notEqual(second.message_id, first.message_id, '/start sends a new message');
    const asked = await press(alice, second, '2', SECOND).then((m) => press(alice, m, '3', THIRD));

    // In END_ROUTES: back to START_ROUTES, where data "0" means button 1 again.
    await alice.sendCommand(bot, '/start');
    const third = await alice.expectMessage({ text: START, ...T });
    await press(alice, third, '1', FIRST);
    // The old END_ROUTES menu's "Yes" (data "0") now acts as button 1: the conversation is per chat.
    await press(alice, asked, YES, FIRST);
  });
});
