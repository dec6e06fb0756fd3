// Two emulators in one process keep separate worlds: the numbers inside poll ids and file paths
// come from each emulator's own counters, so the same steps give the same values in both.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { ok } from './helpers.js';

interface Side {
  emu: Emulator;
  bot: BotInfo;
  alice: SimulatedUser;
}

async function side(): Promise<Side> {
  const emu = await Emulator.start();
  const bot = await emu.createBot({ username: 'twin_bot' });
  const alice = await emu.createUser({ firstName: 'Alice' });
  await alice.sendMessage(bot, '/start');
  return { emu, bot, alice };
}

async function uploadDocument({ emu, bot, alice }: Side): Promise<string> {
  const form = new FormData();
  form.set('chat_id', String(alice.id));
  form.set('document', new Blob(['notes'], { type: 'text/plain' }), 'notes.txt');
  const response = await fetch(`${emu.baseUrl}${bot.token}/sendDocument`, { method: 'POST', body: form });
  const sent = (await response.json()) as { result: { document: { file_id: string } } };
  const file = await ok(emu, bot.token, 'getFile', { file_id: sent.result.document.file_id });
  return file.file_path as string;
}

describe('two emulators in one process', () => {
  let first: Side;
  let second: Side;
  before(async () => {
    first = await side();
    second = await side();
  });
  after(async () => {
    await first.emu.stop();
    await second.emu.stop();
  });

  test('number their stored files independently', async () => {
    const one = await uploadDocument(first);
    const two = await uploadDocument(second);
    assert.equal(one, 'documents/file_1.txt');
    assert.equal(two, one);
  });

  test('number their polls independently', async () => {
    const question = { question: 'Tea?', options: ['yes', 'no'] };
    const userPolls = [
      await first.alice.sendPoll(first.bot, question),
      await second.alice.sendPoll(second.bot, question),
    ];
    const counters = userPolls.map((message) => (message.poll as { id: string }).id.split('-').at(-1));
    assert.deepEqual(counters, ['1', '1']);
    for (const { emu, bot, alice } of [first, second]) {
      const sent = await ok(emu, bot.token, 'sendPoll', {
        chat_id: alice.id,
        question: question.question,
        options: question.options.map((text) => ({ text })),
      });
      assert.match((sent.poll as { id: string }).id, /^\d+2$/, 'the second poll of this emulator');
    }
  });
});
