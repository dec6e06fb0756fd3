/**
 * Telegram's flood limits in the emulator: per private chat (with a small burst), per group per
 * minute and per bot per second, answered as 429 with retry_after; the clock is frozen and moved
 * by the test, so nothing here sleeps or depends on the machine's speed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, ChatRef, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { startCli } from './cli-helpers.js';
import type { Answer } from './helpers.js';
import { call, fails, ok } from './helpers.js';

function tooMany(seconds: number): Answer['body'] {
  return {
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${seconds}`,
    parameters: { retry_after: seconds },
  };
}

/** Posts a form-encoded Bot API call, as many non-JSON clients do. */
async function form(
  emu: Emulator,
  token: string,
  method: string,
  params: Record<string, string>,
): Promise<Answer> {
  const response = await fetch(`${emu.baseUrl}${token}/${method}`, {
    method: 'POST',
    body: new URLSearchParams(params),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function control(emu: Emulator, route: string, params: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${emu.origin}/_emulator/${route}`, {
    method: 'POST',
    body: new URLSearchParams(params),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function users(emu: Emulator, bot: BotInfo, count: number): Promise<SimulatedUser[]> {
  const out: SimulatedUser[] = [];
  for (let i = 0; i < count; i += 1) {
    const user = await emu.createUser({ firstName: `User${i}` });
    await user.sendMessage(bot, '/start');
    out.push(user);
  }
  return out;
}

describe("Telegram's limits (floodLimits: true)", () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  let bob: SimulatedUser;
  before(async () => {
    emu = await Emulator.start({ floodLimits: true });
    await emu.freezeClock();
    bot = await emu.createBot({ username: 'flood_bot' });
    [alice, bob] = (await users(emu, bot, 2)) as [SimulatedUser, SimulatedUser];
  });
  after(() => emu.stop());

  test('a burst to one private chat gets 429 while another chat still goes through', async () => {
    for (const text of ['1', '2', '3']) await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text });
    const limited = await call(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: '4' });
    assert.equal(limited.status, 429);
    assert.deepEqual(limited.body, tooMany(1));
    const viaForm = await form(emu, bot.token, 'sendMessage', { chat_id: String(alice.id), text: '4' });
    assert.equal(viaForm.status, 429);
    assert.deepEqual(viaForm.body, tooMany(1));
    await ok(emu, bot.token, 'sendMessage', { chat_id: bob.id, text: 'still fine' });
    await emu.advanceClock(1000);
    await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: '4 after the wait' });
    const transcript = await emu.transcript(alice.chatWith(bot));
    const texts = transcript.entries.filter((entry) => entry.from_bot).map((entry) => entry.message?.text);
    assert.deepEqual(texts, ['1', '2', '3', '4 after the wait'], 'the refused calls posted nothing');
  });

  test('only methods that create messages count; edits, chat actions and reads do not', async () => {
    await emu.advanceClock(10_000);
    const sent: { message_id: number }[] = [];
    for (const text of ['a', 'b', 'c']) {
      sent.push(await ok<{ message_id: number }>(emu, bot.token, 'sendMessage', { chat_id: bob.id, text }));
    }
    for (let i = 0; i < 5; i += 1) {
      await ok(emu, bot.token, 'editMessageText', {
        chat_id: bob.id,
        message_id: sent[0]?.message_id,
        text: `edit ${i}`,
      });
      await ok(emu, bot.token, 'sendChatAction', { chat_id: bob.id, action: 'typing' });
      await ok(emu, bot.token, 'getMe');
    }
    const limited = await fails(emu, bot.token, 'copyMessage', {
      chat_id: bob.id,
      from_chat_id: bob.id,
      message_id: sent[1]?.message_id,
    });
    assert.deepEqual(limited.body, tooMany(1), 'copyMessage counts');
  });

  test('a refused call is not counted, and an album counts each of its messages', async () => {
    await emu.advanceClock(10_000);
    const ids: number[] = [];
    for (const text of ['x', 'y', 'z']) {
      ids.push(
        (await ok<{ message_id: number }>(emu, bot.token, 'sendMessage', { chat_id: alice.id, text }))
          .message_id,
      );
    }
    for (let i = 0; i < 3; i += 1)
      await fails(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'no' });
    await emu.advanceClock(1000);
    await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'one slot came back' });
    await emu.advanceClock(10_000);
    await ok(emu, bot.token, 'forwardMessages', {
      chat_id: alice.id,
      from_chat_id: alice.id,
      message_ids: ids,
    });
    const next = await fails(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'after the batch' });
    assert.deepEqual(next.body, tooMany(1), 'three forwarded messages used up the burst');
  });

  test('a group takes 20 messages a minute; retry_after counts down with the clock', async () => {
    const club = await emu.createGroup({ title: 'Club', owner: alice, bots: [bot] });
    const other = await emu.createSupergroup({ title: 'Other', owner: alice, bots: [bot] });
    await emu.advanceClock(10_000);
    for (let i = 1; i <= 20; i += 1) {
      await ok(emu, bot.token, 'sendMessage', { chat_id: club.id, text: `m${i}` });
      await emu.advanceClock(100);
    }
    const first = await fails(emu, bot.token, 'sendMessage', { chat_id: club.id, text: 'm21' });
    assert.deepEqual(first.body, tooMany(58), 'the first message leaves the window 60 s after it was sent');
    await emu.advanceClock(30_000);
    const later = await fails(emu, bot.token, 'sendMessage', { chat_id: club.id, text: 'm21' });
    assert.deepEqual(later.body, tooMany(28));
    await ok(emu, bot.token, 'sendMessage', { chat_id: other.id, text: 'another group is not affected' });
    await emu.advanceClock(28_000);
    await ok(emu, bot.token, 'sendMessage', { chat_id: club.id, text: 'm21' });
  });

  test('a bot sends at most 30 messages a second over all its chats', async () => {
    const crowd = await users(emu, bot, 11);
    await emu.advanceClock(60_000);
    let sent = 0;
    for (const user of crowd.slice(0, 10)) {
      for (let i = 0; i < 3; i += 1) {
        await ok(emu, bot.token, 'sendMessage', { chat_id: user.id, text: `to ${sent}` });
        sent += 1;
      }
    }
    const last = crowd[10] as SimulatedUser;
    const limited = await fails(emu, bot.token, 'sendMessage', { chat_id: last.id, text: 'the 31st' });
    assert.deepEqual(limited.body, tooMany(1));
    await emu.advanceClock(1000);
    await ok(emu, bot.token, 'sendMessage', { chat_id: last.id, text: 'the 31st, a second later' });
  });

  test('limits count per bot: another bot sends to the same user freely', async () => {
    const other = await emu.createBot({ username: 'other_flood_bot' });
    await alice.sendMessage(other, '/start');
    await emu.advanceClock(10_000);
    for (const text of ['1', '2', '3']) await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text });
    await fails(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: '4' });
    await ok(emu, other.token, 'sendMessage', { chat_id: alice.id, text: 'from another bot' });
  });
});

describe('flood limits switched and tuned', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  let group: ChatRef;
  before(async () => {
    emu = await Emulator.start();
    await emu.freezeClock();
    bot = await emu.createBot({ username: 'tuned_bot' });
    [alice] = (await users(emu, bot, 1)) as [SimulatedUser];
    group = await emu.createGroup({ title: 'G', owner: alice, bots: [bot] });
  });
  after(() => emu.stop());

  test('off by default: bursts go through', async () => {
    for (let i = 0; i < 40; i += 1)
      await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: `${i}` });
    for (let i = 0; i < 25; i += 1)
      await ok(emu, bot.token, 'sendMessage', { chat_id: group.id, text: `${i}` });
  });

  test('setFloodLimits tunes some limits, keeps the rest, and false turns them off', async () => {
    await emu.setFloodLimits({ groupPerMinute: 2 });
    await ok(emu, bot.token, 'sendMessage', { chat_id: group.id, text: '1' });
    await ok(emu, bot.token, 'sendMessage', { chat_id: group.id, text: '2' });
    assert.deepEqual(
      (await fails(emu, bot.token, 'sendMessage', { chat_id: group.id, text: '3' })).body,
      tooMany(60),
    );
    for (const text of ['a', 'b', 'c']) await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text });
    assert.equal((await fails(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'd' })).status, 429);
    await emu.setFloodLimits(false);
    await ok(emu, bot.token, 'sendMessage', { chat_id: group.id, text: '3' });
    await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'd' });
  });

  test('allow_paid_broadcast lifts the per-bot limit but not the per-chat one', async () => {
    await emu.setFloodLimits({ globalPerSecond: 2, privateBurst: 10 });
    await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: '1' });
    await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: '2' });
    await fails(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: '3' });
    const paid = await form(emu, bot.token, 'sendMessage', {
      chat_id: String(alice.id),
      text: '3',
      allow_paid_broadcast: 'true',
    });
    assert.equal(paid.body.ok, true, 'a paid broadcast goes through');
    await emu.setFloodLimits(false);
  });

  test('the control API switches limits and moves the clock for any language', async () => {
    const set = await control(emu, 'flood', { private_per_second: '0.5', private_burst: '1' });
    assert.deepEqual(set.body, {
      ok: true,
      result: { private_per_second: 0.5, private_burst: 1, group_per_minute: 20, global_per_second: 30 },
    });
    await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'one' });
    const limited = await fails(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'two' });
    assert.deepEqual(limited.body, tooMany(2), 'half a message a second: wait two seconds');
    const clock = await control(emu, 'clock', { advance_ms: '2000' });
    assert.equal((clock.body.result as { frozen: boolean }).frozen, true);
    await ok(emu, bot.token, 'sendMessage', { chat_id: alice.id, text: 'two' });
    const bad = await control(emu, 'flood', { group_per_minute: '0' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.description, 'Bad Request: group_per_minute must be a positive number');
    const notANumber = await control(emu, 'flood', { global_per_second: 'many' });
    assert.equal(notANumber.body.description, 'Bad Request: global_per_second must be a positive number');
    const backwards = await control(emu, 'clock', { advance_ms: '-5' });
    assert.equal(backwards.status, 400);
    const off = await control(emu, 'flood', { enabled: 'false' });
    assert.deepEqual(off.body, { ok: true, result: null });
    const read = await fetch(`${emu.origin}/_emulator/flood`);
    assert.deepEqual(await read.json(), { ok: true, result: null });
  });

  test('advancing the clock moves message dates with it', async () => {
    const before = await ok<{ date: number }>(emu, bot.token, 'sendMessage', {
      chat_id: alice.id,
      text: 'now',
    });
    await emu.advanceClock(3_600_000);
    const later = await ok<{ date: number }>(emu, bot.token, 'sendMessage', {
      chat_id: alice.id,
      text: 'later',
    });
    assert.equal(later.date - before.date, 3600);
  });

  test('invalid limits are refused at start', async () => {
    await assert.rejects(Emulator.start({ floodLimits: { privateBurst: 0.5 } }), /privateBurst must be/);
  });
});

test("tg-emulator --flood starts with Telegram's limits", async () => {
  const { child, output } = await startCli(['--flood'], /Control API:\s+\S+/);
  try {
    const controlUrl = /Control API:\s+(\S+)/.exec(output)?.[1];
    const flood = await (await fetch(`${controlUrl}flood`)).json();
    assert.deepEqual(flood, {
      ok: true,
      result: { private_per_second: 1, private_burst: 3, group_per_minute: 20, global_per_second: 30 },
    });
  } finally {
    child.kill('SIGTERM');
  }
});

describe('Emulator lifetime', () => {
  test('await using stops the emulator at the end of the block', async () => {
    let origin: string;
    {
      await using emu = await Emulator.start();
      origin = emu.origin;
      const answer = await fetch(`${origin}/_emulator/clock`);
      assert.equal(answer.status, 200);
    }
    await assert.rejects(fetch(`${origin}/_emulator/clock`), 'the server no longer listens');
  });

  test('stop() may be called again after disposal', async () => {
    const emu = await Emulator.start();
    await emu[Symbol.asyncDispose]();
    await emu.stop();
  });
});
