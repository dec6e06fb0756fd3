// Stories, giveaways, gifts and boosts as a bot sees them: each kind of message caught by its own
// filter and by no other of the area, gift service messages routed to a handler that reads them,
// and boosts of channels picked by ChatBoostHandler.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChatBoostHandler, filters, MessageHandler } from '../../src/ext/index.js';
import { Update } from '../../src/index.js';
import { messageFieldSample } from '../helpers/updates.js';
import { areaScope } from './area-scope.js';

const ALICE = { id: 61, is_bot: false, first_name: 'Alice' };
const CHANNEL = { id: -1006, type: 'channel', title: 'News', username: 'newschannel' };
const GROUP = { id: -1007, type: 'supergroup', title: 'Fans' };
let updateId = 1;

const scope = areaScope();

function message(fields: Record<string, unknown>): Record<string, unknown> {
  return { update_id: updateId++, message: { message_id: 70, date: 1, chat: GROUP, from: ALICE, ...fields } };
}

/** The filters of this area, and the one Message field each must pass on. */
const AREA: Array<[string, filters.BaseFilter, string]> = [
  ['STORY', filters.STORY, 'story'],
  ['REPLY_TO_STORY', filters.REPLY_TO_STORY, 'reply_to_story'],
  ['GIVEAWAY', filters.GIVEAWAY, 'giveaway'],
  ['GIVEAWAY_WINNERS', filters.GIVEAWAY_WINNERS, 'giveaway_winners'],
  ['StatusUpdate.GIVEAWAY_CREATED', filters.StatusUpdate.GIVEAWAY_CREATED, 'giveaway_created'],
  ['StatusUpdate.GIVEAWAY_COMPLETED', filters.StatusUpdate.GIVEAWAY_COMPLETED, 'giveaway_completed'],
  ['StatusUpdate.GIFT', filters.StatusUpdate.GIFT, 'gift'],
  ['StatusUpdate.UNIQUE_GIFT', filters.StatusUpdate.UNIQUE_GIFT, 'unique_gift'],
  ['BOOST_ADDED', filters.BOOST_ADDED, 'boost_added'],
  ['SENDER_BOOST_COUNT', filters.SENDER_BOOST_COUNT, 'sender_boost_count'],
];

describe('stories, giveaways, gifts and boosts', () => {
  test('each filter passes its own kind of message and none of the others', () => {
    const samples = AREA.map(
      ([, , field]) => [field, Update.fromJSON(message({ [field]: messageFieldSample(field) }))] as const,
    );
    const plain = Update.fromJSON(message({ text: 'hello' }));
    for (const [name, filter, field] of AREA) {
      const passing = samples.filter(([, update]) => filter.checkUpdate(update)).map(([f]) => f);
      assert.deepEqual(passing, [field], name);
      assert.equal(filter.checkUpdate(plain), false, name);
    }
  });

  test('gift service messages reach their handlers with the gift readable', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new MessageHandler(filters.StatusUpdate.UNIQUE_GIFT, (update) => {
        seen.push(`unique:${update.effectiveMessage.unique_gift.origin}`);
      }),
    );
    scope.app.addHandler(
      new MessageHandler(filters.StatusUpdate.GIFT, (update) => {
        seen.push(`gift:${update.effectiveMessage.gift.gift.star_count}`);
      }),
    );
    scope.app.addHandler(new MessageHandler(filters.StatusUpdate.ALL, () => void seen.push('other service')));
    const gift = messageFieldSample('gift') as Record<string, unknown>;
    const starGift = { ...gift, gift: { ...(gift.gift as Record<string, unknown>), star_count: 250 } };
    await scope.app.processUpdate(message({ gift: starGift }));
    await scope.app.processUpdate(
      message({ unique_gift: { ...(messageFieldSample('unique_gift') as object), origin: 'upgrade' } }),
    );
    await scope.app.processUpdate(message({ giveaway_created: {} }));
    await scope.app.processUpdate(message({ text: 'gift' }));
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(seen, ['gift:250', 'unique:upgrade', 'other service']);
  });

  test('a boost added in a group, and the booster count of a sender, are routed', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new MessageHandler(filters.BOOST_ADDED, (update) => {
        seen.push(`boosts:${update.effectiveMessage.boost_added.boost_count}`);
      }),
    );
    scope.app.addHandler(
      new MessageHandler(filters.SENDER_BOOST_COUNT, (update) => {
        seen.push(`sender:${update.effectiveMessage.sender_boost_count}`);
      }),
    );
    await scope.app.processUpdate(message({ boost_added: { boost_count: 3 } }));
    await scope.app.processUpdate(message({ text: 'hi', sender_boost_count: 2 }));
    await scope.app.processUpdate(message({ text: 'hi' }));
    assert.deepEqual(seen, ['boosts:3', 'sender:2']);
  });

  test('ChatBoostHandler takes boosts, or removed boosts, of the given chats', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new ChatBoostHandler((update) => void seen.push(`added:${update.chat_boost?.boost.boost_id}`), {
        chatUsername: '@newschannel',
      }),
    );
    scope.app.addHandler(
      new ChatBoostHandler((update) => void seen.push(`removed:${update.removed_chat_boost?.boost_id}`), {
        chatBoostTypes: ChatBoostHandler.REMOVED_CHAT_BOOST,
        chatId: CHANNEL.id,
      }),
      1,
    );
    const source = { source: 'premium', user: ALICE };
    const boost = (chat: Record<string, unknown>, id: string) => ({
      update_id: updateId++,
      chat_boost: { chat, boost: { boost_id: id, add_date: 1, expiration_date: 2, source } },
    });
    await scope.app.processUpdate(boost(CHANNEL, 'b1'));
    await scope.app.processUpdate(boost({ id: -1008, type: 'channel', title: 'Other' }, 'b2'));
    await scope.app.processUpdate({
      update_id: updateId++,
      removed_chat_boost: { chat: CHANNEL, boost_id: 'b1', remove_date: 3, source },
    });
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(seen, ['added:b1', 'removed:b1']);
  });
});
