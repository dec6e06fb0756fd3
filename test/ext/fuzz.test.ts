// A seeded fuzz test: 10 000 mutated updates through the parse step of the updater and
// Application.processUpdate with every handler registered. Nothing may escape; every malformed
// update must reach the error handlers with a typed error naming the field: a MalformedUpdateError
// from the parse step, or an InvalidFieldError from the handler that first reads a malformed
// nested object (nested objects are built on first read).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidFieldError } from '../../src/base/field-check.js';
import { MESSAGE_UPDATE_TYPES } from '../../src/constants/message-types.js';
import { MalformedUpdateError } from '../../src/ext/errors.js';
import { BusinessConnectionHandler } from '../../src/ext/handlers/business-connection.js';
import { BusinessMessagesDeletedHandler } from '../../src/ext/handlers/business-messages-deleted.js';
import { CallbackQueryHandler } from '../../src/ext/handlers/callback-query.js';
import { ChatBoostHandler } from '../../src/ext/handlers/chat-boost.js';
import { ChatJoinRequestHandler } from '../../src/ext/handlers/chat-join-request.js';
import { ChatMemberHandler } from '../../src/ext/handlers/chat-member.js';
import { ChosenInlineResultHandler } from '../../src/ext/handlers/chosen-inline-result.js';
import { InlineQueryHandler } from '../../src/ext/handlers/inline-query.js';
import { ManagedBotUpdatedHandler } from '../../src/ext/handlers/managed-bot.js';
import { MediaGroupHandler } from '../../src/ext/handlers/media-group.js';
import { MessageReactionHandler } from '../../src/ext/handlers/message-reaction.js';
import { PaidMediaPurchasedHandler } from '../../src/ext/handlers/paid-media.js';
import { PollHandler } from '../../src/ext/handlers/poll.js';
import { PollAnswerHandler } from '../../src/ext/handlers/poll-answer.js';
import { PreCheckoutQueryHandler } from '../../src/ext/handlers/pre-checkout-query.js';
import { ShippingQueryHandler } from '../../src/ext/handlers/shipping-query.js';
import { MessageGenerationStoppedHandler } from '../../src/ext/handlers/stopped-generation.js';
import { BotSubscriptionHandler } from '../../src/ext/handlers/subscription.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { parseUpdate } from '../../src/ext/updater/updater.js';
import { UPDATE_TYPES } from '../../src/generated/metadata.js';
import { Update } from '../../src/generated/types.js';
import { offlineApp, sampleUpdateJSON } from './helpers.js';

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MEGABYTE = 'x'.repeat(1 << 20);

function junkValue(random: () => number): unknown {
  const choices: unknown[] = [
    null,
    0,
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    'text',
    true,
    [],
    [1, 'a', null],
    {},
    { nested: { deep: [] } },
    random() < 0.01 ? MEGABYTE : 'short',
    '\u0000\uffff',
  ];
  return choices[Math.floor(random() * choices.length)];
}

/** Paths to every value inside a JSON value. */
function paths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, inner] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    paths(inner, path, out);
  }
  return out;
}

function mutate(base: Record<string, unknown>, random: () => number): unknown {
  const roll = random();
  if (roll < 0.03) return junkValue(random);
  const copy = structuredClone(base) as Record<string, unknown>;
  const all = paths(copy);
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits && all.length > 0; i++) {
    const path = all[Math.floor(random() * all.length)] as Array<string | number>;
    let parent: Record<string | number, unknown> | undefined = copy;
    for (const key of path.slice(0, -1)) {
      const next: unknown = parent[key];
      if (typeof next !== 'object' || next === null) {
        parent = undefined;
        break;
      }
      parent = next as Record<string | number, unknown>;
    }
    // An earlier edit removed or replaced this path.
    if (parent === undefined) continue;
    const last = path[path.length - 1] as string | number;
    const action = random();
    if (action < 0.4) delete parent[last];
    else if (action < 0.9) parent[last] = junkValue(random);
    else parent[`unknown_${i}`] = junkValue(random);
  }
  return copy;
}

const MESSAGE_KINDS = new Set<string>(MESSAGE_UPDATE_TYPES);

/** A realistic message: text with entities, a photo, a reply, an album id (full samples are 200 KB). */
function compactMessage(): Record<string, unknown> {
  const user = { id: 7, is_bot: false, first_name: 'Ann', username: 'ann', language_code: 'en' };
  const chat = { id: -100123, type: 'supergroup', title: 'Club', username: 'club' };
  return {
    message_id: 10,
    date: 1_700_000_000,
    edit_date: 1_700_000_100,
    chat,
    from: user,
    text: '/start now https://example.org',
    entities: [
      { type: 'bot_command', offset: 0, length: 6 },
      { type: 'url', offset: 11, length: 19 },
      { type: 'text_mention', offset: 7, length: 3, user },
    ],
    photo: [{ file_id: 'f', file_unique_id: 'u', width: 90, height: 90, file_size: 100 }],
    caption: 'cap',
    media_group_id: 'album-1',
    reply_to_message: { message_id: 9, date: 1_699_999_999, chat, from: user, text: 'earlier' },
    reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a1' }]] },
  };
}

function compactBase(kind: string): Record<string, unknown> {
  if (MESSAGE_KINDS.has(kind)) return { update_id: 1, [kind]: compactMessage() };
  const base = sampleUpdateJSON(kind);
  if (kind === 'callback_query') (base.callback_query as Record<string, unknown>).message = compactMessage();
  return base;
}

describe('fuzz: malformed updates never escape', () => {
  it('10 000 mutated updates: zero escapes, typed errors naming the field, later updates keep flowing', async () => {
    const random = prng(20261125);
    const app = offlineApp();
    const noop = (): undefined => undefined;
    app.addHandlers([
      new CallbackQueryHandler(noop, { pattern: /^a/ }),
      new InlineQueryHandler(noop, { pattern: 'q', chatTypes: ['private'] }),
      new ChosenInlineResultHandler(noop, { pattern: 'r' }),
      new ChatMemberHandler(noop, { chatMemberTypes: 1, chatId: [1, 2] }),
      new ChatJoinRequestHandler(noop, { chatId: 1, username: 'x' }),
      new ChatBoostHandler(noop, { chatBoostTypes: 1, chatUsername: 'c' }),
      new MessageReactionHandler(noop, { chatId: 3 }),
      new PollHandler(noop),
      new PollAnswerHandler(noop),
      new PreCheckoutQueryHandler(noop, { pattern: 'p' }),
      new ShippingQueryHandler(noop),
      new PaidMediaPurchasedHandler(noop, { userId: 1 }),
      new BusinessConnectionHandler(noop, { username: 'u' }),
      new BusinessMessagesDeletedHandler(noop, { chatId: 4 }),
      new ManagedBotUpdatedHandler(noop),
      new BotSubscriptionHandler(noop),
      new MessageGenerationStoppedHandler(noop),
      new MediaGroupHandler(noop, { wait: 0 }),
    ]);
    let handled = 0;
    app.addHandler(
      new TypeHandler(Update, (update) => {
        handled++;
        void update.effectiveUser;
        void update.effectiveChat;
        void update.effectiveMessage;
        void update.effectiveSender;
        JSON.stringify(update);
      }),
      1,
    );
    const routed: unknown[] = [];
    app.addErrorHandler((_update, context) => {
      routed.push(context.error);
    });
    const bases = UPDATE_TYPES.map((kind) => compactBase(kind));
    let escapes = 0;
    let malformed = 0;
    let valid = 0;
    for (let i = 0; i < 10_000; i++) {
      const base = bases[i % bases.length] as Record<string, unknown>;
      const raw = mutate(base, random);
      try {
        const update = parseUpdate(raw, app.bot);
        if (update instanceof MalformedUpdateError) {
          malformed++;
          await app.processError(null, update);
        } else {
          valid++;
          await app.processUpdate(update);
        }
      } catch {
        escapes++;
      }
    }
    while (app.pendingTasks > 0) await new Promise((resolve) => setTimeout(resolve, 1));
    assert.equal(escapes, 0);
    assert.ok(malformed > 1000, `enough malformed updates (${malformed})`);
    assert.ok(valid > 1000, `enough valid updates (${valid})`);
    assert.equal(handled, valid, 'every valid update reached the catch-all handler');
    // Nested objects are built (and checked) when first read: a malformed one that passed the
    // parse step fails the handler reading it with an InvalidFieldError naming the field.
    const untyped = routed.filter(
      (error) => !(error instanceof MalformedUpdateError) && !(error instanceof InvalidFieldError),
    );
    assert.deepEqual(untyped, [], 'every error is a typed field error');
    assert.ok(
      routed.some((error) => error instanceof InvalidFieldError),
      'some malformed nested objects surface when read',
    );
    for (const error of routed as (MalformedUpdateError | InvalidFieldError)[]) {
      assert.ok(error.path.length > 0);
      assert.ok(error.message.includes(error.path) || error.path === 'Update', error.message);
    }
    // After all of that, a good update still flows.
    const before = handled;
    const good = parseUpdate(sampleUpdateJSON('message'), app.bot);
    assert.ok(good instanceof Update);
    await app.processUpdate(good);
    assert.equal(handled, before + 1);
  });
});
