// The persistentconversationbot across restarts: a conversation left half-way is taken up by a new
// application on the same FilePersistence file, at the state it was in, with the facts told before.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildApplication, factsToString } from '../../examples/persistentconversationbot.js';
import type { BotInfo } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
let dir: string;
before(async () => {
  emu = await Emulator.start();
  dir = mkdtempSync(join(tmpdir(), 'persistentconversationbot-'));
});
after(async () => {
  await emu.stop();
  rmSync(dir, { recursive: true, force: true });
});

const T = { timeoutMs: 5000 };
const NEAT = 'Neat! Just so you know, this is what you already told me:';
const MORE = 'You can tell me more, or change your opinion on something.';

/** Runs the bot on `file` while `steps` run, then stops it (a graceful stop, as on SIGTERM). */
async function session(bot: BotInfo, file: string, steps: () => Promise<void>): Promise<void> {
  const app = buildApplication(bot.token, file, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await steps();
  } finally {
    app.stopRunning();
    await running;
  }
}

test('persistentconversationbot: the conversation and the facts survive a restart', async () => {
  const bot = await emu.createBot({ username: 'seed_persistent_conv_bot' });
  const alice = await emu.createUser({ firstName: 'Alice' });
  const file = join(dir, 'conversationbot.json');

  await session(bot, file, async () => {
    await alice.sendCommand(bot, '/start');
    await alice.expectMessage({
      text: "Hi! My name is Doctor Botter. I will hold a more complex conversation with you. Why don't you tell me something about yourself?",
      ...T,
    });
    await alice.sendMessage(bot, 'Age');
    await alice.expectMessage({ text: 'Your age? Yes, I would love to hear about that!', ...T });
    await alice.sendMessage(bot, '30');
    await alice.expectMessage({ text: `${NEAT}\nage - 30\n${MORE}`, ...T });
    await alice.sendMessage(bot, 'Favourite colour');
    await alice.expectMessage({ text: 'Your favourite colour? Yes, I would love to hear about that!', ...T });
  });

  // A new application on the same file: Alice is still in TYPING_REPLY for her favourite colour.
  await session(bot, file, async () => {
    await alice.sendMessage(bot, 'Blue');
    await alice.expectMessage({ text: `${NEAT}\nage - 30\nfavourite colour - blue\n${MORE}`, ...T });
    await alice.sendCommand(bot, '/show_data');
    // Telegram trims the trailing newline of a message.
    await alice.expectMessage({
      text: 'This is what you already told me: \nage - 30\nfavourite colour - blue',
      ...T,
    });
    await alice.sendMessage(bot, 'Age');
    await alice.expectMessage({ text: 'Your age? I already know the following about that: 30', ...T });
    await alice.sendMessage(bot, '31');
    await alice.expectMessage({ text: `${NEAT}\nage - 31\nfavourite colour - blue\n${MORE}`, ...T });
    await alice.sendMessage(bot, 'Done');
    await alice.expectMessage({
      text: 'I learned these facts about you: \nage - 31\nfavourite colour - blue\nUntil next time!',
      ...T,
    });
    assert.equal(await alice.keyboard(bot), undefined, 'the keyboard was removed');
  });

  // The conversation ended before the stop; the facts are still known after another restart.
  await session(bot, file, async () => {
    await alice.sendMessage(bot, 'Blue');
    await alice.expectNoMessage({ timeoutMs: 300 });
    await alice.sendCommand(bot, '/start');
    await alice.expectMessage({
      text: "Hi! My name is Doctor Botter. You already told me your age, favourite colour. Why don't you tell me something more about yourself? Or change anything I already know.",
      ...T,
    });
    await alice.sendCommand(bot, '/show_data');
    await alice.expectMessage({ text: /age - 31\nfavourite colour - blue/, ...T });
  });
});

test('persistentconversationbot: facts are listed one per line between blank lines', () => {
  assert.equal(
    factsToString({ age: '30', 'most impressive skill': 'juggling' }),
    '\nage - 30\nmost impressive skill - juggling\n',
  );
  assert.equal(factsToString({}), '\n\n');
});
