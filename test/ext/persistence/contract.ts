// The behaviour every persistence backend promises (BasePersistence's contract). Each backend's
// test file calls persistenceContract with a way to make a fresh instance and to reopen what an
// instance stored in a new one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Bot } from '../../../src/bot.js';
import type {
  BasePersistence,
  PersistedCallbackData,
  PersistedJob,
} from '../../../src/ext/persistence/base.js';
import { Message, User } from '../../../src/generated/types.js';
import '../../../src/objects/index.js';
import { TOKEN } from '../helpers.js';

type Data = Record<string, unknown>;
export type AnyPersistence = BasePersistence<Data, Data, Data>;

export interface ContractBackend {
  /** A fresh, empty persistence (its bot not set yet). */
  create(): Promise<AnyPersistence>;
  /** A new instance holding what `previous` stored (flushed first by the suite). */
  reopen(previous: AnyPersistence): Promise<AnyPersistence>;
  /** Whether it keeps Maps, Sets, Dates, BigInts and Bot API objects (else JSON data only). */
  readonly rich: boolean;
}

export const contractBot = new Bot(TOKEN);

async function fresh(backend: ContractBackend): Promise<AnyPersistence> {
  const persistence = await backend.create();
  persistence.setBot(contractBot);
  return persistence;
}

async function reopened(backend: ContractBackend, previous: AnyPersistence): Promise<AnyPersistence> {
  await previous.flush();
  const next = await backend.reopen(previous);
  next.setBot(contractBot);
  return next;
}

export function job(id: string, data: unknown = { n: 1 }): PersistedJob {
  return {
    id,
    callback: 'remind',
    name: `job ${id}`,
    data,
    chatId: 5,
    userId: null,
    enabled: true,
    schedule: { kind: 'repeating', interval: 60_000 },
    nextRun: 1_700_000_000_000,
    missedRuns: 'runOnce',
  };
}

const CALLBACK_DATA: PersistedCallbackData = {
  keyboards: [['kb1', 1_700_000_000.5, { b1: { choice: 1 }, b2: 'two' }]],
  queries: { q1: 'kb1' },
};

export function persistenceContract(name: string, backend: ContractBackend): void {
  describe(`${name}: the persistence contract`, () => {
    it('starts empty: no users, chats, bot data, callback data, conversations or jobs', async () => {
      const p = await fresh(backend);
      assert.equal((await p.getUserData()).size, 0, 'no user data');
      assert.equal((await p.getChatData()).size, 0, 'no chat data');
      assert.equal(await p.getBotData(), undefined, 'no bot data');
      assert.equal(await p.getCallbackData(), null, 'no callback data');
      assert.equal((await p.getConversations('talk')).size, 0, 'no conversations');
      assert.equal((await p.getJobs()).size, 0, 'no jobs');
    });

    it('user, chat and bot data round-trip, in the instance and after reopening', async () => {
      const p = await fresh(backend);
      await p.getUserData();
      await p.updateUserData(42, { name: 'Ann', tags: ['a', 'b'], nested: { n: 1.5, ok: true, none: null } });
      await p.updateUserData(7, { name: 'Bo' });
      await p.updateChatData(-100123, { title: 'group', count: 3 });
      await p.updateBotData({ started: 'yes', total: 10 });
      const check = async (q: AnyPersistence, label: string) => {
        const users = await q.getUserData();
        assert.deepEqual(
          [...users.entries()].sort(([a], [b]) => a - b),
          [
            [7, { name: 'Bo' }],
            [42, { name: 'Ann', tags: ['a', 'b'], nested: { n: 1.5, ok: true, none: null } }],
          ],
          `${label}: user data by numeric id`,
        );
        assert.deepEqual(
          [...(await q.getChatData())],
          [[-100123, { title: 'group', count: 3 }]],
          `${label}: chat data`,
        );
        assert.deepEqual(await q.getBotData(), { started: 'yes', total: 10 }, `${label}: bot data`);
      };
      await check(p, 'same instance');
      await check(await reopened(backend, p), 'reopened');
    });

    it('an update replaces the whole entry', async () => {
      const p = await fresh(backend);
      await p.updateUserData(1, { a: 1, b: 2 });
      await p.updateUserData(1, { b: 3 });
      assert.deepEqual((await p.getUserData()).get(1), { b: 3 }, 'the second write wins');
      assert.deepEqual((await (await reopened(backend, p)).getUserData()).get(1), { b: 3 }, 'and survives');
    });

    it('dropped user and chat data is gone, also after reopening', async () => {
      const p = await fresh(backend);
      await p.updateUserData(1, { a: 1 });
      await p.updateUserData(2, { a: 2 });
      await p.updateChatData(3, { c: 3 });
      await p.dropUserData(1);
      await p.dropChatData(3);
      await p.dropChatData(999); // never stored: no error
      assert.deepEqual([...(await p.getUserData()).keys()], [2], 'user 1 dropped');
      assert.equal((await p.getChatData()).size, 0, 'chat 3 dropped');
      const q = await reopened(backend, p);
      assert.deepEqual([...(await q.getUserData()).keys()], [2], 'user 1 stays dropped');
      assert.equal((await q.getChatData()).size, 0, 'chat 3 stays dropped');
    });

    it('conversations: states by handler name and key; null ends a conversation', async () => {
      const p = await fresh(backend);
      await p.updateConversation('talk', '[5,42]', 'ASKING');
      await p.updateConversation('talk', '[5,43]', 2);
      await p.updateConversation('other', '[5]', 'X');
      await p.updateConversation('talk', '[5,43]', null);
      await p.updateConversation('talk', '[9,9]', null); // unknown: no error
      const check = async (q: AnyPersistence, label: string) => {
        assert.deepEqual([...(await q.getConversations('talk'))], [['[5,42]', 'ASKING']], `${label}: talk`);
        assert.deepEqual([...(await q.getConversations('other'))], [['[5]', 'X']], `${label}: other`);
        assert.equal((await q.getConversations('none')).size, 0, `${label}: unknown name`);
      };
      await check(p, 'same instance');
      const q = await reopened(backend, p);
      await check(q, 'reopened');
      await q.updateConversation('talk', '[5,42]', 7);
      assert.deepEqual([...(await q.getConversations('talk'))], [['[5,42]', 7]], 'a number state replaces');
    });

    it('persistent jobs: stored by id, removed with null, kept across instances', async () => {
      const p = await fresh(backend);
      await p.updateJob('a', job('a'));
      await p.updateJob('b', job('b', { text: 'hi', list: [1, 2] }));
      await p.updateJob('a', null);
      await p.updateJob('zzz', null); // unknown: no error
      const check = async (q: AnyPersistence, label: string) => {
        const jobs = await q.getJobs();
        assert.deepEqual([...jobs.keys()], ['b'], `${label}: only b left`);
        assert.deepEqual(jobs.get('b'), job('b', { text: 'hi', list: [1, 2] }), `${label}: every field kept`);
      };
      await check(p, 'same instance');
      await check(await reopened(backend, p), 'reopened');
    });

    it('callback data round-trips', async () => {
      const p = await fresh(backend);
      await p.updateCallbackData(CALLBACK_DATA);
      assert.deepEqual(await p.getCallbackData(), CALLBACK_DATA, 'same instance');
      assert.deepEqual(await (await reopened(backend, p)).getCallbackData(), CALLBACK_DATA, 'reopened');
    });

    it('isolation: changing what was written or what was read does not change what is stored', async () => {
      const p = await fresh(backend);
      const written = { list: [1], inner: { v: 'a' } };
      await p.updateUserData(1, written);
      await p.updateBotData({ list: [1] });
      written.list.push(2);
      written.inner.v = 'changed';
      const read = (await p.getUserData()).get(1) as { list: number[]; inner: { v: string } };
      assert.deepEqual(read, { list: [1], inner: { v: 'a' } }, 'the write was a copy');
      read.list.push(3);
      const bot = (await p.getBotData()) as { list: number[] };
      bot.list.push(9);
      assert.deepEqual(
        (await p.getUserData()).get(1),
        { list: [1], inner: { v: 'a' } },
        'the read was a copy',
      );
      assert.deepEqual(await p.getBotData(), { list: [1] }, 'bot data read was a copy');
    });

    it('keeps storeData and updateInterval as given', async () => {
      const p = await fresh(backend);
      assert.deepEqual(
        { ...p.storeData },
        { botData: true, chatData: true, userData: true, callbackData: true },
        'everything stored by default',
      );
      assert.ok(Object.isFrozen(p.storeData), 'storeData is frozen');
    });

    if (backend.rich) {
      it('Maps, Sets, Dates, BigInts, special numbers, undefined and Bot API objects round-trip', async () => {
        const p = await fresh(backend);
        const user = new User({ id: 42, is_bot: false, first_name: 'Ann' });
        const message = Message.fromJSON(
          {
            message_id: 5,
            date: 1_700_000_000,
            chat: { id: 42, type: 'private' },
            from: user.toJSON(),
            text: 'hi',
          },
          contractBot,
        );
        const value = {
          map: new Map<unknown, unknown>([
            [1, 'one'],
            ['k', new Set([1, 2])],
          ]),
          when: new Date(1_700_000_000_123),
          big: 2n ** 70n,
          numbers: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0],
          missing: undefined,
          user,
          message,
          bytes: new Uint8Array([1, 2, 255]),
          $t: 'a key that looks like a tag',
        };
        await p.updateUserData(1, value);
        const q = await reopened(backend, p);
        const got = (await q.getUserData()).get(1) as typeof value;
        assert.ok(got.map instanceof Map, 'a Map');
        assert.deepEqual([...got.map], [...value.map], 'Map entries, a Set inside');
        assert.ok(got.when instanceof Date && got.when.getTime() === 1_700_000_000_123, 'a Date');
        assert.equal(got.big, 2n ** 70n, 'a BigInt');
        assert.ok(Number.isNaN(got.numbers[0]), 'NaN');
        assert.deepEqual(
          got.numbers.slice(1, 3),
          [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
          'infinities',
        );
        assert.ok(Object.is(got.numbers[3], -0), 'negative zero');
        assert.ok('missing' in got && got.missing === undefined, 'an undefined property');
        assert.ok(got.user instanceof User && got.user.equals(user), 'a User');
        assert.ok(got.message instanceof Message, 'a Message');
        assert.equal(got.message.text, 'hi', 'its fields');
        assert.equal(got.message.getBot(), contractBot, 'restored with the bot');
        assert.ok(got.message.from instanceof User, 'nested objects built');
        assert.deepEqual(got.bytes, new Uint8Array([1, 2, 255]), 'bytes');
        assert.equal(got.$t, 'a key that looks like a tag', 'a "$t" key stays data');
      });

      it('a reference to the bot is stored as a placeholder and comes back as the bot', async () => {
        const p = await fresh(backend);
        await p.updateBotData({ me: contractBot });
        const q = await reopened(backend, p);
        assert.equal(((await q.getBotData()) as { me: unknown }).me, contractBot, 'the bot');
      });
    } else {
      it('refuses data JSON cannot hold, with a TypeError naming where it is', async () => {
        const p = await fresh(backend);
        await assert.rejects(p.updateUserData(1, { when: new Date() }), /userData\[1\]\.when is a Date/);
        await assert.rejects(p.updateChatData(2, { map: new Map() }), /chatData\[2\]\.map is a Map/);
        await assert.rejects(p.updateBotData({ n: Number.NaN }), /botData\.n is NaN/);
        assert.equal((await p.getUserData()).size, 0, 'nothing stored');
      });
    }
  });
}
