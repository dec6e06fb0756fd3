// UpdateWith<K> types `effectiveUser` as present when the payload of `K` has a required `from` or
// `user` User, and `effectiveChat` when it has a required `chat`; handlers then type
// `context.userData`/`chatData` as present. This holds the runtime to that rule, for every kind.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Application } from '../../src/ext/application.js';
import { CallbackContext } from '../../src/ext/context.js';
import { ContextTypes } from '../../src/ext/context-types.js';
import { TypeHandler } from '../../src/ext/handlers/type.js';
import { TYPES, UPDATE_TYPES } from '../../src/generated/metadata.js';
import { Update } from '../../src/generated/types.js';
import { offlineApp, recordingLogger, sampleUpdate, TOKEN } from './helpers.js';

function requiredField(typeName: string, names: readonly string[], fieldType: string): string | undefined {
  const meta = TYPES[typeName];
  if (meta === undefined) return undefined;
  return meta.fields.find((f) => names.includes(f.name) && f.required && f.types[0] === fieldType)?.name;
}

function payloadType(kind: string): string {
  const field = TYPES.Update?.fields.find((f) => f.name === kind);
  if (field === undefined) throw new Error(`no update field ${kind}`);
  return field.types[0] as string;
}

describe('UpdateWith: a guaranteed user or chat is the one effectiveUser/effectiveChat return', () => {
  const withUser: string[] = [];
  const withChat: string[] = [];
  for (const kind of UPDATE_TYPES) {
    const type = payloadType(kind);
    const userField = requiredField(type, ['from', 'user'], 'User');
    const chatField = requiredField(type, ['chat'], 'Chat');
    if (userField !== undefined) withUser.push(kind);
    if (chatField !== undefined) withChat.push(kind);
    if (userField === undefined && chatField === undefined) continue;
    it(`${kind}: ${[userField && `user from .${userField}`, chatField && 'chat from .chat'].filter(Boolean).join(', ')}`, () => {
      const update = sampleUpdate(kind);
      const payload = update[kind] as unknown as Record<string, { id: number } | undefined>;
      if (userField !== undefined) {
        assert.ok(update.effectiveUser !== undefined);
        assert.equal(update.effectiveUser, payload[userField]);
      }
      if (chatField !== undefined) {
        assert.ok(update.effectiveChat !== undefined);
        assert.equal(update.effectiveChat, payload.chat);
      }
    });
  }

  it('covers the kinds users rely on, and not those without a guaranteed user', () => {
    for (const kind of ['callback_query', 'inline_query', 'pre_checkout_query', 'chat_join_request']) {
      assert.ok(withUser.includes(kind), kind);
    }
    for (const kind of ['message', 'channel_post', 'poll', 'poll_answer', 'message_reaction', 'chat_boost']) {
      assert.ok(!withUser.includes(kind), kind);
    }
    for (const kind of ['message', 'channel_post', 'chat_join_request', 'message_reaction_count']) {
      assert.ok(withChat.includes(kind), kind);
    }
    for (const kind of ['callback_query', 'inline_query', 'poll', 'business_connection']) {
      assert.ok(!withChat.includes(kind), kind);
    }
  });

  class SubContext extends CallbackContext {}
  const apps: Array<[string, () => Application]> = [
    ['CallbackContext', () => offlineApp()],
    [
      'a subclass',
      () =>
        Application.builder()
          .token(TOKEN)
          .updater(null)
          .logger(recordingLogger())
          .contextTypes(new ContextTypes({ context: SubContext }))
          .build(),
    ],
  ];
  for (const [name, makeApp] of apps) {
    it(`callbacks get userData and chatData for those kinds (${name})`, async () => {
      const app = makeApp();
      const seen = new Map<string, [boolean, boolean]>();
      app.addHandler(
        new TypeHandler(Update, (update, context) => {
          const kind = UPDATE_TYPES.find((k) => update[k] !== undefined) as string;
          seen.set(kind, [context.userData !== undefined, context.chatData !== undefined]);
        }),
      );
      for (const kind of new Set([...withUser, ...withChat])) await app.processUpdate(sampleUpdate(kind));
      for (const kind of withUser) assert.equal(seen.get(kind)?.[0], true, kind);
      for (const kind of withChat) assert.equal(seen.get(kind)?.[1], true, kind);
    });
  }
});
