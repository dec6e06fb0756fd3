import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  bio,
  buildApplication,
  cancel,
  gender,
  location,
  photo,
  State,
  skipLocation,
  skipPhoto,
  start,
} from '../../examples/conversationbot.js';
import {
  Application,
  CommandHandler,
  ConversationHandler,
  filters,
  MessageHandler,
} from '../../src/ext/index.js';
import type { BotInfo, Emulator as EmulatorType, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';

let emu: EmulatorType;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

const T = { timeoutMs: 5000 };
const ASK_GENDER = /Are you a boy or a girl\?$/;
const ASK_PHOTO = /^I see! Please send me a photo/;
const ASK_LOCATION_AFTER_PHOTO = /^Gorgeous! Now, send me your location/;
const ASK_LOCATION_SKIPPED = /^I bet you look great!/;
const ASK_BIO_AFTER_LOCATION = /^Maybe I can visit you sometime!/;
const ASK_BIO_SKIPPED = /^You seem a bit paranoid!/;
const THANKS = 'Thank you! I hope we can talk again some day.';
const BYE = 'Bye! I hope we can talk again some day.';

async function withBot(
  username: string,
  run: (bot: BotInfo, alice: SimulatedUser) => Promise<void>,
  options: { canReadAllGroupMessages?: boolean } = {},
): Promise<void> {
  const bot = await emu.createBot({ username, ...options });
  const alice = await emu.createUser({ firstName: 'Alice' });
  const app = buildApplication(bot.token, emu.baseUrl, emu.fileBaseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await run(bot, alice);
  } finally {
    app.stopRunning();
    await running;
  }
}

test('conversationbot: gender, photo, location and bio in full', async () => {
  await withBot('seed_conv_full_bot', async (bot, alice) => {
    await alice.sendCommand(bot, '/start');
    await alice.expectMessage({ text: ASK_GENDER, ...T });
    const keyboard = await alice.keyboard(bot);
    assert.deepEqual(
      keyboard?.keyboard.map((row) =>
        row.map((button) => (typeof button === 'string' ? button : button.text)),
      ),
      [['Boy', 'Girl', 'Other']],
    );
    await alice.sendMessage(bot, 'Robot');
    await alice.expectNoMessage({ timeoutMs: 300 });
    await alice.sendCommand(bot, '/start');
    await alice.expectNoMessage({ timeoutMs: 300 });
    await alice.sendMessage(bot, 'Girl');
    await alice.expectMessage({ text: ASK_PHOTO, ...T });
    await alice.sendMessage(bot, 'no photo, just text');
    await alice.expectNoMessage({ timeoutMs: 300 });
    await alice.sendPhoto(bot, {});
    await alice.expectMessage({ text: ASK_LOCATION_AFTER_PHOTO, ...T });
    await alice.sendLocation(bot, 52.52, 13.405);
    await alice.expectMessage({ text: ASK_BIO_AFTER_LOCATION, ...T });
    await alice.sendCommand(bot, '/skip');
    await alice.expectNoMessage({ timeoutMs: 300 });
    await alice.sendMessage(bot, 'I like trains');
    await alice.expectMessage({ text: THANKS, ...T });
    // The conversation ended: texts are ignored, /start begins again.
    await alice.sendMessage(bot, 'Girl');
    await alice.expectNoMessage({ timeoutMs: 300 });
    await alice.sendCommand(bot, '/start');
    await alice.expectMessage({ text: ASK_GENDER, ...T });
  });
});

test('conversationbot: /skip the photo and the location', async () => {
  await withBot('seed_conv_skip_bot', async (bot, alice) => {
    await alice.sendCommand(bot, '/start');
    await alice.expectMessage({ text: ASK_GENDER, ...T });
    await alice.sendMessage(bot, 'Other');
    await alice.expectMessage({ text: ASK_PHOTO, ...T });
    await alice.sendCommand(bot, '/skip');
    await alice.expectMessage({ text: ASK_LOCATION_SKIPPED, ...T });
    await alice.sendCommand(bot, '/skip');
    await alice.expectMessage({ text: ASK_BIO_SKIPPED, ...T });
    await alice.sendMessage(bot, 'Short bio');
    await alice.expectMessage({ text: THANKS, ...T });
  });
});

test('conversationbot: /cancel ends the conversation from every state', async () => {
  await withBot('seed_conv_cancel_bot', async (bot, alice) => {
    const toState: ((user: SimulatedUser) => Promise<void>)[] = [
      async () => {},
      async (user) => {
        await user.sendMessage(bot, 'Boy');
        await user.expectMessage({ text: ASK_PHOTO, ...T });
      },
      async (user) => {
        await user.sendMessage(bot, 'Boy');
        await user.expectMessage({ text: ASK_PHOTO, ...T });
        await user.sendCommand(bot, '/skip');
        await user.expectMessage({ text: ASK_LOCATION_SKIPPED, ...T });
      },
      async (user) => {
        await user.sendMessage(bot, 'Boy');
        await user.expectMessage({ text: ASK_PHOTO, ...T });
        await user.sendCommand(bot, '/skip');
        await user.expectMessage({ text: ASK_LOCATION_SKIPPED, ...T });
        await user.sendCommand(bot, '/skip');
        await user.expectMessage({ text: ASK_BIO_SKIPPED, ...T });
      },
    ];
    for (const reach of toState) {
      await alice.sendCommand(bot, '/start');
      await alice.expectMessage({ text: ASK_GENDER, ...T });
      await reach(alice);
      await alice.sendCommand(bot, '/cancel');
      const bye = await alice.expectMessage({ text: BYE, ...T });
      assert.equal(bye.reply_markup, undefined, 'the keyboard removal is not echoed back');
      await alice.sendCommand(bot, '/skip');
      await alice.expectNoMessage({ timeoutMs: 200 });
    }
    await alice.sendCommand(bot, '/cancel');
    await alice.expectNoMessage({ timeoutMs: 300 });
  });
});

test('conversationbot: two users in a group keep separate conversations', async () => {
  await withBot(
    'seed_conv_group_bot',
    async (bot, alice) => {
      const bob = await emu.createUser({ firstName: 'Bob' });
      const group = await emu.createGroup({ title: 'Club', members: [alice, bob], bots: [bot] });
      await alice.sendCommand(group, '/start');
      await alice.expectMessage({ text: ASK_GENDER, chat: group, ...T });
      await bob.sendMessage(group, 'Boy');
      await bob.expectNoMessage({ chat: group, timeoutMs: 300 });
      await bob.sendCommand(group, '/start');
      await bob.expectMessage({ text: ASK_GENDER, chat: group, ...T });
      await alice.sendMessage(group, 'Girl');
      await alice.expectMessage({ text: ASK_PHOTO, chat: group, ...T });
      await bob.sendCommand(group, '/cancel');
      await bob.expectMessage({ text: BYE, chat: group, ...T });
      await alice.sendCommand(group, '/skip');
      await alice.expectMessage({ text: ASK_LOCATION_SKIPPED, chat: group, ...T });
      // Alice's private chat with the bot is another conversation.
      await alice.sendMessage(bot, 'Girl');
      await alice.expectNoMessage({ timeoutMs: 300 });
    },
    { canReadAllGroupMessages: true },
  );
});

test('conversationbot callbacks in a perChat, perUser: false conversation: the group shares one conversation', async () => {
  const bot = await emu.createBot({ username: 'seed_conv_shared_bot', canReadAllGroupMessages: true });
  const alice = await emu.createUser({ firstName: 'Alice' });
  const bob = await emu.createUser({ firstName: 'Bob' });
  const group = await emu.createGroup({ title: 'Shared', members: [alice, bob], bots: [bot] });
  const app = Application.builder().token(bot.token).baseUrl(emu.baseUrl).build();
  app.addHandler(
    new ConversationHandler({
      entryPoints: [new CommandHandler('start', start)],
      states: {
        [State.GENDER]: [new MessageHandler(new filters.Regex(/^(Boy|Girl|Other)$/), gender)],
        [State.PHOTO]: [new MessageHandler(filters.PHOTO, photo), new CommandHandler('skip', skipPhoto)],
        [State.LOCATION]: [
          new MessageHandler(filters.LOCATION, location),
          new CommandHandler('skip', skipLocation),
        ],
        [State.BIO]: [new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), bio)],
      },
      fallbacks: [new CommandHandler('cancel', cancel)],
      perUser: false,
    }),
  );
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await alice.sendCommand(group, '/start');
    await alice.expectMessage({ text: ASK_GENDER, chat: group, ...T });
    await bob.sendMessage(group, 'Boy');
    await bob.expectMessage({ text: ASK_PHOTO, chat: group, ...T });
    await alice.sendCommand(group, '/skip');
    await alice.expectMessage({ text: ASK_LOCATION_SKIPPED, chat: group, ...T });
    await bob.sendCommand(group, '/start');
    await bob.expectNoMessage({ chat: group, timeoutMs: 300 });
    await bob.sendCommand(group, '/cancel');
    await bob.expectMessage({ text: BYE, chat: group, ...T });
    await alice.sendCommand(group, '/skip');
    await alice.expectNoMessage({ chat: group, timeoutMs: 300 });
  } finally {
    app.stopRunning();
    await running;
  }
});
