import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallbackContext } from '../../src/ext/context.js';
import { BaseHandler } from '../../src/ext/handlers/base.js';
import { BusinessConnectionHandler } from '../../src/ext/handlers/business-connection.js';
import { BusinessMessagesDeletedHandler } from '../../src/ext/handlers/business-messages-deleted.js';
import { CallbackQueryHandler } from '../../src/ext/handlers/callback-query.js';
import { ChatBoostHandler } from '../../src/ext/handlers/chat-boost.js';
import { ChatJoinRequestHandler } from '../../src/ext/handlers/chat-join-request.js';
import { ChatMemberHandler } from '../../src/ext/handlers/chat-member.js';
import { ChosenInlineResultHandler } from '../../src/ext/handlers/chosen-inline-result.js';
import { InlineQueryHandler } from '../../src/ext/handlers/inline-query.js';
import { ManagedBotUpdatedHandler } from '../../src/ext/handlers/managed-bot.js';
import { MessageReactionHandler } from '../../src/ext/handlers/message-reaction.js';
import { PaidMediaPurchasedHandler } from '../../src/ext/handlers/paid-media.js';
import { PollHandler } from '../../src/ext/handlers/poll.js';
import { PollAnswerHandler } from '../../src/ext/handlers/poll-answer.js';
import { PreCheckoutQueryHandler } from '../../src/ext/handlers/pre-checkout-query.js';
import { ShippingQueryHandler } from '../../src/ext/handlers/shipping-query.js';
import { MessageGenerationStoppedHandler } from '../../src/ext/handlers/stopped-generation.js';
import { BotSubscriptionHandler } from '../../src/ext/handlers/subscription.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { UPDATE_TYPES } from '../../src/generated/metadata.js';
import { Update } from '../../src/generated/types.js';
import { offlineApp, sampleUpdate } from './helpers.js';

const noop = (): undefined => undefined;

function matches(handler: BaseHandler<never>, update: unknown): boolean {
  const result = handler.checkUpdate(update);
  return !(result === undefined || result === null || result === false);
}

const samples = new Map<string, Update>();

/** One full sample update per kind, built once (message samples are large). */
function sampleOfKind(kind: string): Update {
  let update = samples.get(kind);
  if (update === undefined) {
    update = sampleUpdate(kind);
    samples.set(kind, update);
  }
  return update;
}

describe('handlers take exactly their update kinds', () => {
  const cases: Array<[string, BaseHandler<never>, readonly string[]]> = [
    ['CallbackQueryHandler', new CallbackQueryHandler(noop), ['callback_query']],
    ['InlineQueryHandler', new InlineQueryHandler(noop), ['inline_query']],
    ['ChosenInlineResultHandler', new ChosenInlineResultHandler(noop), ['chosen_inline_result']],
    ['ChatMemberHandler', new ChatMemberHandler(noop), ['my_chat_member']],
    ['ChatMemberHandler CHAT_MEMBER', new ChatMemberHandler(noop, { chatMemberTypes: 0 }), ['chat_member']],
    [
      'ChatMemberHandler ANY',
      new ChatMemberHandler(noop, { chatMemberTypes: ChatMemberHandler.ANY_CHAT_MEMBER }),
      ['my_chat_member', 'chat_member'],
    ],
    ['ChatJoinRequestHandler', new ChatJoinRequestHandler(noop), ['chat_join_request']],
    ['ChatBoostHandler', new ChatBoostHandler(noop), ['chat_boost']],
    ['ChatBoostHandler REMOVED', new ChatBoostHandler(noop, { chatBoostTypes: 0 }), ['removed_chat_boost']],
    [
      'ChatBoostHandler ANY',
      new ChatBoostHandler(noop, { chatBoostTypes: 1 }),
      ['chat_boost', 'removed_chat_boost'],
    ],
    [
      'MessageReactionHandler',
      new MessageReactionHandler(noop),
      ['message_reaction', 'message_reaction_count'],
    ],
    [
      'MessageReactionHandler UPDATED',
      new MessageReactionHandler(noop, { messageReactionTypes: -1 }),
      ['message_reaction'],
    ],
    [
      'MessageReactionHandler COUNT',
      new MessageReactionHandler(noop, { messageReactionTypes: 0 }),
      ['message_reaction_count'],
    ],
    ['PollHandler', new PollHandler(noop), ['poll']],
    ['PollAnswerHandler', new PollAnswerHandler(noop), ['poll_answer']],
    ['PreCheckoutQueryHandler', new PreCheckoutQueryHandler(noop), ['pre_checkout_query']],
    ['ShippingQueryHandler', new ShippingQueryHandler(noop), ['shipping_query']],
    ['PaidMediaPurchasedHandler', new PaidMediaPurchasedHandler(noop), ['purchased_paid_media']],
    ['BusinessConnectionHandler', new BusinessConnectionHandler(noop), ['business_connection']],
    [
      'BusinessMessagesDeletedHandler',
      new BusinessMessagesDeletedHandler(noop),
      ['deleted_business_messages'],
    ],
    ['ManagedBotUpdatedHandler', new ManagedBotUpdatedHandler(noop), ['managed_bot']],
    ['BotSubscriptionHandler', new BotSubscriptionHandler(noop), ['subscription']],
    [
      'MessageGenerationStoppedHandler',
      new MessageGenerationStoppedHandler(noop),
      ['stopped_message_generation'],
    ],
    ['TypeHandler(Update)', new TypeHandler(Update, noop), UPDATE_TYPES],
  ];
  for (const [name, handler, kinds] of cases) {
    it(name, () => {
      const taken = UPDATE_TYPES.filter((kind) => matches(handler, sampleOfKind(kind)));
      assert.deepEqual(taken, [...kinds]);
      assert.equal(matches(handler, 'a string'), false);
      assert.equal(
        matches(handler, { update_id: 1, callback_query: {} }),
        false,
        'raw JSON is not an Update',
      );
    });
  }
});

describe('CallbackQueryHandler', () => {
  const query = (data: string | undefined, game?: string) =>
    sampleUpdate('callback_query', { data, game_short_name: game });

  it('string and RegExp patterns match at the start and fill context.matches', async () => {
    const app = offlineApp();
    const seen: Array<string | undefined> = [];
    app.addHandler(
      new CallbackQueryHandler(
        (update, context) => {
          seen.push(update.callback_query.data, context.match?.[1]);
        },
        { pattern: /choice:(\d+)/ },
      ),
    );
    await app.processUpdate(query('choice:7'));
    await app.processUpdate(query('x-choice:8'));
    assert.deepEqual(seen, ['choice:7', '7']);
    const stringPattern = new CallbackQueryHandler(noop, { pattern: 'ab+' });
    assert.ok(matches(stringPattern, query('abbbz')));
    assert.ok(!matches(stringPattern, query('zab')));
  });

  it('a predicate decides, and a class tests the data type', () => {
    assert.ok(matches(new CallbackQueryHandler(noop, { pattern: (d) => d === 'yes' }), query('yes')));
    assert.ok(!matches(new CallbackQueryHandler(noop, { pattern: (d) => d === 'yes' }), query('no')));
    assert.ok(matches(new CallbackQueryHandler(noop, { pattern: String }), query('any')));
    class Payload {}
    assert.ok(!matches(new CallbackQueryHandler(noop, { pattern: Payload }), query('any')));
  });

  it('gamePattern applies to game queries; data patterns never take game queries', () => {
    const game = query(undefined, 'tetris');
    assert.ok(matches(new CallbackQueryHandler(noop, { gamePattern: 'tet' }), game));
    assert.ok(!matches(new CallbackQueryHandler(noop, { gamePattern: 'pong' }), game));
    assert.ok(!matches(new CallbackQueryHandler(noop, { pattern: '.*' }), game));
    assert.ok(!matches(new CallbackQueryHandler(noop, { gamePattern: '.*' }), query('data')));
  });

  it('a query with neither data nor a game name passes only a handler without patterns', async () => {
    const bare = query(undefined);
    assert.ok(matches(new CallbackQueryHandler(noop), bare));
    assert.ok(!matches(new CallbackQueryHandler(noop, { pattern: '.*' }), bare));
    assert.ok(!matches(new CallbackQueryHandler(noop, { pattern: () => true }), bare));
    assert.ok(!matches(new CallbackQueryHandler(noop, { gamePattern: '.*' }), bare));
    // So a callback with a string or RegExp pattern always has its match.
    const app = offlineApp();
    const seen: Array<[string, string | undefined]> = [];
    app.addHandler(
      new CallbackQueryHandler((_u, context) => void seen.push(['pattern', context.match[0]]), {
        pattern: /x+/,
      }),
    );
    app.addHandler(new CallbackQueryHandler((_u, context) => void seen.push(['any', context.match?.[0]])), 1);
    await app.processUpdate(bare);
    await app.processUpdate(query('xxy'));
    assert.deepEqual(seen, [
      ['any', undefined],
      ['pattern', 'xx'],
      ['any', 'xx'],
    ]);
  });
});

describe('InlineQueryHandler and ChosenInlineResultHandler', () => {
  it('pattern on the query (an empty query never matches a pattern) and chat types', () => {
    const q = (query: string, chat_type?: string) => sampleUpdate('inline_query', { query, chat_type });
    assert.ok(matches(new InlineQueryHandler(noop, { pattern: 'cat' }), q('cats')));
    assert.ok(!matches(new InlineQueryHandler(noop, { pattern: '' }), q('')));
    assert.ok(matches(new InlineQueryHandler(noop, { chatTypes: ['private'] }), q('', 'private')));
    assert.ok(!matches(new InlineQueryHandler(noop, { chatTypes: ['private'] }), q('', 'group')));
  });

  it('pattern on result_id', () => {
    const r = (result_id: string) => sampleUpdate('chosen_inline_result', { result_id });
    assert.ok(matches(new ChosenInlineResultHandler(noop, { pattern: /^a\d/ }), r('a1')));
    assert.ok(!matches(new ChosenInlineResultHandler(noop, { pattern: /^a\d/ }), r('b1')));
  });
});

describe('chat and user filters', () => {
  const chat = { id: -100, type: 'supergroup', title: 'Club', username: 'club' };
  const user = { id: 7, is_bot: false, first_name: 'Bo', username: 'bo' };

  it('ChatMemberHandler chatId', () => {
    const update = sampleUpdate('my_chat_member', { chat });
    assert.ok(matches(new ChatMemberHandler(noop, { chatId: [-100, -5] }), update));
    assert.ok(!matches(new ChatMemberHandler(noop, { chatId: -5 }), update));
  });

  it('ChatJoinRequestHandler chat id or requester username', () => {
    const update = sampleUpdate('chat_join_request', { chat, from: user });
    assert.ok(matches(new ChatJoinRequestHandler(noop, { chatId: -100 }), update));
    assert.ok(matches(new ChatJoinRequestHandler(noop, { username: '@bo' }), update));
    assert.ok(!matches(new ChatJoinRequestHandler(noop, { chatId: 1, username: 'al' }), update));
  });

  it('ChatBoostHandler chat id or username', () => {
    const update = sampleUpdate('chat_boost', { chat });
    assert.ok(matches(new ChatBoostHandler(noop, { chatUsername: 'club' }), update));
    assert.ok(!matches(new ChatBoostHandler(noop, { chatId: 3 }), update));
  });

  it('MessageReactionHandler chat and user filters; user filters need MESSAGE_REACTION_UPDATED', () => {
    const update = sampleUpdate('message_reaction', { chat, user, actor_chat: undefined });
    const updated = MessageReactionHandler.MESSAGE_REACTION_UPDATED;
    assert.ok(
      matches(new MessageReactionHandler(noop, { userId: 7, messageReactionTypes: updated }), update),
    );
    assert.ok(matches(new MessageReactionHandler(noop, { chatId: -100 }), update));
    assert.ok(
      !matches(
        new MessageReactionHandler(noop, { userUsername: 'x', messageReactionTypes: updated }),
        update,
      ),
    );
    assert.throws(() => new MessageReactionHandler(noop, { userId: 7 }), /MESSAGE_REACTION_UPDATED/);
  });

  it('user-filtered kinds: paid media, business connection, managed bot, subscription', () => {
    assert.ok(
      matches(
        new PaidMediaPurchasedHandler(noop, { userId: 7 }),
        sampleUpdate('purchased_paid_media', { from: user }),
      ),
    );
    assert.ok(
      !matches(
        new PaidMediaPurchasedHandler(noop, { userId: 8 }),
        sampleUpdate('purchased_paid_media', { from: user }),
      ),
    );
    assert.ok(
      matches(
        new BusinessConnectionHandler(noop, { username: 'bo' }),
        sampleUpdate('business_connection', { user }),
      ),
    );
    assert.ok(
      matches(new ManagedBotUpdatedHandler(noop, { userId: [1, 7] }), sampleUpdate('managed_bot', { user })),
    );
    assert.ok(
      !matches(new BotSubscriptionHandler(noop, { username: 'zed' }), sampleUpdate('subscription', { user })),
    );
    assert.ok(
      matches(
        new BusinessMessagesDeletedHandler(noop, { chatId: -100 }),
        sampleUpdate('deleted_business_messages', { chat }),
      ),
    );
  });

  it('PreCheckoutQueryHandler pattern on the invoice payload', () => {
    const update = sampleUpdate('pre_checkout_query', { invoice_payload: 'order-1' });
    assert.ok(matches(new PreCheckoutQueryHandler(noop, { pattern: 'order-' }), update));
    assert.ok(!matches(new PreCheckoutQueryHandler(noop, { pattern: 'refund' }), update));
  });
});

describe('TypeHandler', () => {
  class Base {}
  class Derived extends Base {}

  it('instanceof, strict class equality, and primitives through their wrappers', async () => {
    assert.ok(matches(new TypeHandler(Base, noop), new Derived()));
    assert.ok(!matches(new TypeHandler(Base, noop, { strict: true }), new Derived()));
    assert.ok(matches(new TypeHandler(Base, noop, { strict: true }), new Base()));
    assert.ok(matches(new TypeHandler(String, noop), 'text'));
    assert.ok(!matches(new TypeHandler(String, noop), 5));
    const app = offlineApp();
    const seen: string[] = [];
    app.addHandler(new TypeHandler(String, (text: string) => void seen.push(text.toUpperCase())));
    await app.processUpdate('hello');
    assert.deepEqual(seen, ['HELLO']);
  });
});

describe('custom handlers', () => {
  it('collectAdditionalContext runs before the callback and sees the check result', async () => {
    class Words extends BaseHandler<string, CallbackContext, string, string[]> {
      checkUpdate(update: unknown): string[] | false {
        return typeof update === 'string' ? update.split(' ') : false;
      }
      override collectAdditionalContext(
        context: CallbackContext,
        _u: string,
        _a: unknown,
        words: string[],
      ): void {
        context.args = words;
      }
    }
    const app = offlineApp();
    const args: unknown[] = [];
    app.addHandler(new Words((_u, context) => String(args.push(context.args))));
    await app.processUpdate('a b c');
    assert.deepEqual(args, [['a', 'b', 'c']]);
  });
});
