import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication } from '../../examples/pollbot.js';
import type { Application } from '../../src/ext/index.js';
import { PollHandler } from '../../src/ext/index.js';
import type { Poll } from '../../src/index.js';
import { conformsTo, Emulator, type SimulatedUser } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

/** Resolves with the next closed-poll update the bot receives (added after the example's handlers). */
function nextClosedPoll(app: Application): Promise<Poll> {
  return new Promise((resolve) => {
    app.addHandler(
      new PollHandler(async (update) => {
        if (update.poll.is_closed) resolve(update.poll);
      }),
      1,
    );
  });
}

async function users(names: readonly string[]): Promise<SimulatedUser[]> {
  return Promise.all(
    names.map((firstName) => emu.createUser({ firstName, username: firstName.toLowerCase() })),
  );
}

test('pollbot: /start, /help, and /poll announces each answer and closes after the limit', async () => {
  const info = await emu.createBot({ username: 'seed_poll_bot' });
  const [ann, bob, cid] = await users(['Ann', 'Bob', 'Cid']);
  assert.ok(ann && bob && cid);
  const group = await emu.createGroup({ title: 'Pollers', owner: ann, members: [bob, cid], bots: [info] });
  const app = buildApplication(info.token, emu.baseUrl);
  const closed = nextClosedPoll(app);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await ann.sendCommand(info, '/start');
    await ann.expectMessage({ text: /^Please select \/poll to get a Poll/, timeoutMs: 5000 });
    await ann.sendCommand(info, '/help');
    await ann.expectMessage({ text: 'Use /quiz, /poll or /preview to test this bot.', timeoutMs: 5000 });

    await ann.sendCommand(group, '/poll');
    const pollMessage = await ann.expectMessage({ chat: group, timeoutMs: 5000 });
    const poll = pollMessage.poll as {
      question: string;
      is_anonymous: boolean;
      allows_multiple_answers: boolean;
    };
    assert.equal(poll.question, 'How are you?');
    assert.equal(poll.is_anonymous, false);
    assert.equal(poll.allows_multiple_answers, true);

    await ann.vote(pollMessage, [0, 2]);
    await ann.expectMessage({ text: 'Ann feels Good and Fantastic!', chat: group, timeoutMs: 5000 });
    await bob.vote(pollMessage, [3]);
    await ann.expectMessage({ text: 'Bob feels Great!', chat: group, timeoutMs: 5000 });
    await cid.vote(pollMessage, [1]);
    const third = await ann.expectMessage({ text: 'Cid feels Really good!', chat: group, timeoutMs: 5000 });
    assert.equal((third.entities as { type: string; user?: { id: number } }[])[0]?.user?.id, cid.id);

    const stopped = await closed;
    assert.equal(stopped.total_voter_count, 3);
    await assert.rejects(ann.vote(pollMessage, [1]), /POLL_CLOSED/);
  } finally {
    app.stopRunning();
    await running;
  }
});

test('pollbot: /quiz closes after the configured number of voters', async () => {
  const info = await emu.createBot({ username: 'seed_quiz_bot' });
  const [dee, eve, fay] = await users(['Dee', 'Eve', 'Fay']);
  assert.ok(dee && eve && fay);
  const group = await emu.createGroup({ title: 'Quizzers', owner: dee, members: [eve, fay], bots: [info] });
  const app = buildApplication(info.token, emu.baseUrl, { voterLimit: 2 });
  const closed = nextClosedPoll(app);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await dee.sendCommand(group, '/quiz');
    const quizMessage = await dee.expectMessage({ chat: group, timeoutMs: 5000 });
    const quiz = quizMessage.poll as { type: string; question: string; options: { text: string }[] };
    assert.equal(quiz.type, 'quiz');
    assert.equal(quiz.question, 'How many eggs do you need for a cake?');
    assert.deepEqual(
      quiz.options.map((option) => option.text),
      ['1', '2', '4', '20'],
    );

    await dee.vote(quizMessage, [2]);
    await eve.vote(quizMessage, [0]);
    const stopped = await closed;
    assert.equal(stopped.total_voter_count, 2);
    await assert.rejects(fay.vote(quizMessage, [2]), /POLL_CLOSED/);
    // Quizzes are anonymous here: no announcements.
    await dee.expectNoMessage({ chat: group, timeoutMs: 200 });
  } finally {
    app.stopRunning();
    await running;
  }
});

test('pollbot: /preview offers a poll button and answers a poll with a closed copy', async () => {
  const info = await emu.createBot({ username: 'seed_preview_bot' });
  const [gus] = await users(['Gus']);
  assert.ok(gus);
  const app = buildApplication(info.token, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await gus.sendCommand(info, '/preview');
    await gus.expectMessage({
      text: 'Press the button to let the bot generate a preview for your poll',
      timeoutMs: 5000,
    });
    const keyboard = await gus.keyboard(info);
    assert.deepEqual(keyboard?.keyboard, [[{ text: 'Press me!', request_poll: {} }]]);
    assert.equal(keyboard?.one_time_keyboard, true);

    // The user fills in Telegram's poll editor after pressing the button; the poll goes to the
    // bot as a message through the emulator.
    const sent = await gus.pressKeyboardButton('Press me!', info, {
      poll: { question: 'Tea or coffee?', options: ['Tea', 'Coffee'] },
    });
    assert.equal(conformsTo(sent, 'Message'), undefined);
    assert.equal((sent.poll as { question: string }).question, 'Tea or coffee?');
    const copy = await gus.expectMessage({ chat: info, timeoutMs: 5000 });
    const copied = copy.poll as { question: string; is_closed: boolean; options: { text: string }[] };
    assert.equal(copied.question, 'Tea or coffee?');
    assert.equal(copied.is_closed, true);
    assert.deepEqual(
      copied.options.map((option) => option.text),
      ['Tea', 'Coffee'],
    );
    assert.equal(await gus.keyboard(info), undefined, 'the copy removes the keyboard');
  } finally {
    app.stopRunning();
    await running;
  }
});
