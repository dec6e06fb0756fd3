import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication, factsToString } from '../../examples/conversationbot2.js';
import { JobQueue } from '../../src/ext/index.js';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { TestClock } from '../ext/job-queue/clock.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

const T = { timeoutMs: 5000 };
const HELLO = /^Hi! My name is Doctor Botter\./;
const NEAT = 'Neat! Just so you know, this is what you already told me:';
const MORE = 'You can tell me more, or change your opinion on something.';

async function withBot(
  username: string,
  run: (bot: BotInfo, alice: SimulatedUser, clock: TestClock) => Promise<void>,
  conversationTimeout?: number,
): Promise<void> {
  const bot = await emu.createBot({ username });
  const alice = await emu.createUser({ firstName: 'Alice' });
  const clock = new TestClock(Date.UTC(2026, 0, 5, 12));
  const app = buildApplication(bot.token, emu.baseUrl, {
    conversationTimeout,
    jobQueue: new JobQueue({ clock }),
  });
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await run(bot, alice, clock);
  } finally {
    app.stopRunning();
    await running;
  }
}

test('conversationbot2: facts from the keyboard topics and a custom category, then Done', async () => {
  await withBot('seed_conv2_bot', async (bot, alice) => {
    await alice.sendCommand(bot, '/start');
    await alice.expectMessage({ text: HELLO, ...T });
    const keyboard = await alice.keyboard(bot);
    assert.deepEqual(
      keyboard?.keyboard.map((row) =>
        row.map((button) => (typeof button === 'string' ? button : button.text)),
      ),
      [['Age', 'Favourite colour'], ['Number of siblings', 'Something else...'], ['Done']],
    );
    await alice.sendMessage(bot, 'Height');
    await alice.expectNoMessage({ timeoutMs: 300 });
    await alice.sendCommand(bot, '/start');
    await alice.expectNoMessage({ timeoutMs: 300 });

    await alice.sendMessage(bot, 'Age');
    await alice.expectMessage({ text: 'Your age? Yes, I would love to hear about that!', ...T });
    await alice.sendCommand(bot, '/start');
    await alice.expectNoMessage({ timeoutMs: 300 });
    await alice.sendMessage(bot, '30');
    await alice.expectMessage({ text: `${NEAT}\nAge - 30\n${MORE}`, ...T });

    await alice.sendMessage(bot, 'Something else...');
    await alice.expectMessage({
      text: 'Alright, please send me the category first, for example "Most impressive skill"',
      ...T,
    });
    await alice.sendMessage(bot, 'Most impressive skill');
    await alice.expectMessage({
      text: 'Your most impressive skill? Yes, I would love to hear about that!',
      ...T,
    });
    await alice.sendMessage(bot, 'Juggling');
    await alice.expectMessage({ text: `${NEAT}\nAge - 30\nMost impressive skill - Juggling\n${MORE}`, ...T });

    await alice.sendMessage(bot, 'Number of siblings');
    await alice.expectMessage({ text: /^Your number of siblings\?/, ...T });
    await alice.sendMessage(bot, 'Done');
    await alice.expectMessage({
      text: 'I learned these facts about you: \nAge - 30\nMost impressive skill - Juggling\nUntil next time!',
      ...T,
    });
    await alice.sendMessage(bot, 'Age');
    await alice.expectNoMessage({ timeoutMs: 300 });
    // The facts were forgotten: a new conversation starts empty.
    await alice.sendCommand(bot, '/start');
    await alice.expectMessage({ text: HELLO, ...T });
    await alice.sendMessage(bot, 'Done');
    await alice.expectMessage({ text: 'I learned these facts about you: \n\nUntil next time!', ...T });
  });
});

test('conversationbot2: Done while typing a category or a reply ends too', async () => {
  await withBot('seed_conv2_done_bot', async (bot, alice) => {
    await alice.sendCommand(bot, '/start');
    await alice.expectMessage({ text: HELLO, ...T });
    await alice.sendMessage(bot, 'Something else...');
    await alice.expectMessage({ text: /^Alright/, ...T });
    await alice.sendMessage(bot, 'Done');
    await alice.expectMessage({ text: /^I learned these facts about you: \n\nUntil next time!$/, ...T });

    await alice.sendCommand(bot, '/start');
    await alice.expectMessage({ text: HELLO, ...T });
    await alice.sendMessage(bot, 'Favourite colour');
    await alice.expectMessage({ text: /^Your favourite colour\?/, ...T });
    await alice.sendMessage(bot, 'Done');
    await alice.expectMessage({ text: 'I learned these facts about you: \n\nUntil next time!', ...T });
  });
});

test('conversationbot2: a quiet user times out through the job queue, and /start begins again', async () => {
  await withBot(
    'seed_conv2_timeout_bot',
    async (bot, alice, clock) => {
      await alice.sendCommand(bot, '/start');
      await alice.expectMessage({ text: HELLO, ...T });
      await alice.sendMessage(bot, 'Age');
      await alice.expectMessage({ text: /^Your age\?/, ...T });
      await clock.advance(59_000);
      await alice.expectNoMessage({ timeoutMs: 200 });
      await clock.advance(1_000);
      await alice.expectMessage({
        text: 'You were quiet for a while, so I stopped listening. Send /start to talk again.',
        ...T,
      });
      await alice.sendMessage(bot, '30');
      await alice.expectNoMessage({ timeoutMs: 300 });
      await alice.sendCommand(bot, '/start');
      await alice.expectMessage({ text: HELLO, ...T });
    },
    60,
  );
});

test('factsToString lists each fact on its own line between blank lines', () => {
  assert.equal(factsToString({ Age: '30', Pets: 'two' }), '\nAge - 30\nPets - two\n');
});
