import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication } from '../../examples/nestedconversationbot.js';
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
const TOP_MENU =
  /^You may choose to add a family member, yourself, show the gathered data, or end the conversation/;
const LEVEL_MENU = 'You may add a parent or a child. Also you can show the gathered data or go back.';
const WHOM = 'Please choose, whom to add.';
const FEATURES = 'Please select a feature to update.';
const GOT_IT = 'Got it! Please select a feature to update.';
const TELL_ME = 'Okay, tell me.';
const BYE = 'Okay, bye.';

function buttons(message: MessageJSON): string[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat().map((button) => button.text);
}

/** Presses a button and waits for the bot's edit of that message. */
async function press(user: SimulatedUser, message: MessageJSON, button: string, text: string | RegExp) {
  const answer = await user.clickButton(message, button, T);
  assert.notEqual(answer, undefined, `the bot answers the press of ${button}`);
  const edited = await user.expectEdit({ text, ...T });
  assert.equal(edited.message_id, message.message_id);
  return edited;
}

/** Types into the description and waits for the new features menu. */
async function type(user: SimulatedUser, bot: BotInfo, text: string) {
  await user.sendMessage(bot, text);
  return await user.expectMessage({ text: GOT_IT, ...T });
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

async function open(bot: BotInfo, user: SimulatedUser): Promise<MessageJSON> {
  await user.sendCommand(bot, '/start');
  await user.expectMessage({ text: /^Hi, I'm Family Bot/, ...T });
  const menu = await user.expectMessage({ text: TOP_MENU, ...T });
  assert.deepEqual(buttons(menu), ['Add family member', 'Add yourself', 'Show data', 'Done']);
  return menu;
}

test('nestedconversationbot: yourself, a parent and a child described through three levels, shown, then Done', async () => {
  await withBot('seed_nested_full_bot', async (bot, alice) => {
    let menu = await open(bot, alice);
    // Show data at the top level, and Back.
    menu = await press(alice, menu, 'Show data', /^Yourself:\nNo information yet\./);
    assert.deepEqual(buttons(menu), ['Back']);
    menu = await press(alice, menu, 'Back', TOP_MENU);

    // Add yourself: the third level nested directly in the top level.
    menu = await press(alice, menu, 'Add yourself', 'Okay, please tell me about yourself.');
    menu = await press(alice, menu, 'Add info', FEATURES);
    assert.deepEqual(buttons(menu), ['Name', 'Age', 'Done']);
    await press(alice, menu, 'Name', TELL_ME);
    menu = await type(alice, bot, 'Alice');
    await press(alice, menu, 'Age', TELL_ME);
    menu = await type(alice, bot, '30');
    // Done: back to the top menu (the third level's END maps to the top level's SELECTING_LEVEL).
    menu = await press(alice, menu, 'Done', TOP_MENU);

    // Add a family member: second level, then the shared third level.
    menu = await press(alice, menu, 'Add family member', LEVEL_MENU);
    menu = await press(alice, menu, 'Add parent', WHOM);
    assert.deepEqual(buttons(menu), ['Add Father', 'Add Mother', 'Show data', 'Back']);
    menu = await press(alice, menu, 'Add Mother', FEATURES);
    await press(alice, menu, 'Name', TELL_ME);
    menu = await type(alice, bot, 'Eve');
    // Done: back to the second level menu.
    menu = await press(alice, menu, 'Done', LEVEL_MENU);
    menu = await press(alice, menu, 'Add child', WHOM);
    assert.deepEqual(buttons(menu), ['Add Brother', 'Add Sister', 'Show data', 'Back']);
    menu = await press(alice, menu, 'Add Brother', FEATURES);
    await press(alice, menu, 'Age', TELL_ME);
    menu = await type(alice, bot, '7');
    menu = await press(alice, menu, 'Done', LEVEL_MENU);

    // Show data from the second level: SHOWING maps up to the top level's SHOWING.
    menu = await press(
      alice,
      menu,
      'Show data',
      'Yourself:\nName: Alice, Age: 30\n\nParents:\nMother: Name: Eve, Age: -\n\nChildren:\nBrother: Name: -, Age: 7',
    );
    menu = await press(alice, menu, 'Back', TOP_MENU);

    // Back from the second level (level and gender menus) to the top menu.
    menu = await press(alice, menu, 'Add family member', LEVEL_MENU);
    menu = await press(alice, menu, 'Back', TOP_MENU);
    menu = await press(alice, menu, 'Add family member', LEVEL_MENU);
    menu = await press(alice, menu, 'Add child', WHOM);
    menu = await press(alice, menu, 'Show data', /^Yourself:\nName: Alice/);
    menu = await press(alice, menu, 'Back', TOP_MENU);
    menu = await press(alice, menu, 'Add family member', LEVEL_MENU);
    menu = await press(alice, menu, 'Add parent', WHOM);
    menu = await press(alice, menu, 'Back', TOP_MENU);

    // Done at the top level ends everything.
    await press(alice, menu, 'Done', 'See you around!');
    await alice.sendCommand(bot, '/stop');
    await alice.expectNoMessage({ timeoutMs: 300 });
    await open(bot, alice);
  });
});

test('nestedconversationbot: /stop ends everything from every level', async () => {
  await withBot('seed_nested_stop_bot', async (bot, alice) => {
    // Top level.
    await open(bot, alice);
    await alice.sendCommand(bot, '/stop');
    await alice.expectMessage({ text: BYE, ...T });
    await alice.sendCommand(bot, '/stop');
    await alice.expectNoMessage({ timeoutMs: 300 });

    // Second level: STOPPING maps to END of the top level.
    let menu = await open(bot, alice);
    menu = await press(alice, menu, 'Add family member', LEVEL_MENU);
    await alice.sendCommand(bot, '/stop');
    await alice.expectMessage({ text: BYE, ...T });
    await alice.sendCommand(bot, '/stop');
    await alice.expectNoMessage({ timeoutMs: 300 });

    // Third level inside the second: STOPPING -> STOPPING -> END.
    menu = await open(bot, alice);
    menu = await press(alice, menu, 'Add family member', LEVEL_MENU);
    menu = await press(alice, menu, 'Add parent', WHOM);
    menu = await press(alice, menu, 'Add Father', FEATURES);
    await press(alice, menu, 'Name', TELL_ME);
    await alice.sendCommand(bot, '/stop');
    await alice.expectMessage({ text: BYE, ...T });
    await alice.sendMessage(bot, 'Adam');
    await alice.expectNoMessage({ timeoutMs: 300 });

    // Third level under the top level: the top level waits in STOPPING, where /start begins again.
    menu = await open(bot, alice);
    menu = await press(alice, menu, 'Add yourself', 'Okay, please tell me about yourself.');
    menu = await press(alice, menu, 'Add info', FEATURES);
    await alice.sendCommand(bot, '/stop');
    await alice.expectMessage({ text: BYE, ...T });
    await alice.clickButton(menu, 'Name', { timeoutMs: 300 });
    await alice.expectNoMessage({ timeoutMs: 300 });
    await open(bot, alice);
  });
});
