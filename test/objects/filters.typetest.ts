/**
 * Type-level tests of filter narrowing: only type-checked (`npm run typecheck`). Each
 * `@ts-expect-error` must stay an error, each plain line must keep compiling.
 */

import type { Application } from '../../src/ext/application.js';
import type { CallbackContext } from '../../src/ext/context.js';
import type { BaseFilter, FilteredUpdate, Has } from '../../src/ext/filters/index.js';
import * as filters from '../../src/ext/filters/index.js';
import { CommandHandler } from '../../src/ext/handlers/command.js';
import { MessageHandler } from '../../src/ext/handlers/message.js';
import { PrefixHandler } from '../../src/ext/handlers/prefix.js';
import { StringCommandHandler } from '../../src/ext/handlers/string-command.js';
import { StringRegexHandler } from '../../src/ext/handlers/string-regex.js';
import type { Message, Update, User } from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

/** Stands for a handler: the callback sees what the filter lets through. */
function on<U extends Update>(_filter: BaseFilter<U>, _callback: (update: U) => void): void {}

export function contentNarrowing(): void {
  on(filters.TEXT, (u) => {
    const text: string = u.effectiveMessage.text;
    const chatId: number = u.effectiveChat.id;
    // Slots are narrowed where present: when `message` exists, it is the text message.
    if (u.message !== undefined) expectType<Equal<typeof u.message.text, string>>(true);
    // @ts-expect-error: the text may sit in edited_message, channel_post...: message may be absent
    u.message.text;
    // @ts-expect-error: a text message need not have a photo
    u.effectiveMessage.photo.length;
    void [text, chatId];
  });
  on(filters.PHOTO.and(filters.CAPTION), (u) => {
    expectType<Equal<typeof u.effectiveMessage.caption, string>>(true);
    const largest: number = u.effectiveMessage.photo.length;
    void largest;
  });
  on(new filters.Regex(/x/), (u) => {
    const text: string = u.effectiveMessage.text;
    void text;
  });
  on(filters.COMMAND, (u) => {
    const first = u.effectiveMessage.entities[0];
    void first;
  });
  on(filters.Document.PDF, (u) => {
    const mime: string = u.effectiveMessage.document.mime_type;
    void mime;
  });
}

export function updateKindNarrowing(): void {
  on(filters.TEXT.and(filters.UpdateType.MESSAGE), (u) => {
    const text: string = u.message.text;
    void text;
  });
  on(filters.UpdateType.EDITED_MESSAGE.and(filters.CAPTION), (u) => {
    const caption: string = u.edited_message.caption;
    void caption;
  });
  on(filters.UpdateType.MESSAGES, (u) => {
    // @ts-expect-error: MESSAGES is a new or an edited message
    u.message.message_id;
    const id: number = u.effectiveMessage.message_id;
    const edited: number | undefined = u.edited_message?.message_id;
    void edited;
    void id;
  });
  on(filters.UpdateType.CHANNEL_POST, (u) => {
    const post: Message = u.channel_post;
    void post;
  });
}

export function combinators(): void {
  on(filters.TEXT.or(filters.PHOTO), (u) => {
    // @ts-expect-error: a photo message has no text
    const text: string = u.effectiveMessage.text;
    const present: string | undefined = u.effectiveMessage.text;
    void [text, present];
  });
  on(filters.TEXT.xor(filters.CAPTION), (u) => {
    // @ts-expect-error: either text or caption
    const caption: string = u.effectiveMessage.caption;
    void caption;
  });
  on(filters.TEXT.not(), (u) => {
    // @ts-expect-error: not() narrows nothing but the presence of a message
    const text: string = u.effectiveMessage.text;
    const message: Message = u.effectiveMessage;
    void [text, message];
  });
  on(filters.TEXT.and(filters.COMMAND.not()).and(filters.ChatType.PRIVATE), (u) => {
    expectType<Equal<typeof u.effectiveMessage.chat.type, 'private'>>(true);
    const text: string = u.effectiveMessage.text;
    void text;
  });
  on(filters.ALL, (u) => {
    // @ts-expect-error: ALL narrows no content
    const text: string = u.effectiveMessage.text;
    void text;
  });
}

export function chatsAndUsers(): void {
  on(filters.ChatType.GROUPS, (u) => {
    expectType<Equal<typeof u.effectiveChat.type, 'group' | 'supergroup'>>(true);
  });
  on(filters.USER, (u) => {
    const sender: User = u.effectiveUser;
    const from: User = u.effectiveMessage.from;
    void [sender, from];
  });
  on(filters.TEXT, (u) => {
    // @ts-expect-error: without USER, a message may have no sender (channel posts)
    const sender: User = u.effectiveUser;
    void sender;
  });
  on(new filters.User({ userId: 1 }), (u) => {
    const from: User = u.effectiveMessage.from;
    void from;
  });
  on(filters.PREMIUM_USER, (u) => {
    expectType<Equal<typeof u.effectiveUser.is_premium, true>>(true);
  });
  on(filters.FORUM, (u) => {
    expectType<Equal<typeof u.effectiveChat.is_forum, true>>(true);
  });
  on(filters.SenderChat.CHANNEL, (u) => {
    expectType<Equal<typeof u.effectiveMessage.sender_chat.type, 'channel'>>(true);
  });
}

export function mediaAndService(): void {
  on(filters.Dice.DARTS, (u) => {
    expectType<Equal<typeof u.effectiveMessage.dice.emoji, '🎯'>>(true);
  });
  on(new filters.Dice.Bowling([1, 2]), (u) => {
    expectType<Equal<typeof u.effectiveMessage.dice.emoji, '🎳'>>(true);
  });
  on(filters.Sticker.VIDEO, (u) => {
    expectType<Equal<typeof u.effectiveMessage.sticker.is_video, true>>(true);
  });
  on(filters.StatusUpdate.NEW_CHAT_MEMBERS, (u) => {
    const joined: number = u.effectiveMessage.new_chat_members.length;
    void joined;
  });
  on(filters.StatusUpdate.MIGRATE, (u) => {
    // @ts-expect-error: MIGRATE is either side of the migration
    const to: number = u.effectiveMessage.migrate_to_chat_id;
    void to;
  });
}

export function customFilters(): void {
  const long = filters.messageFilter('long', (m): m is Message & Has<'text'> => (m.text?.length ?? 0) > 100);
  on(long, (u) => {
    const text: string = u.effectiveMessage.text;
    void text;
  });
  const stated = filters.messageFilter<Has<'caption'>>('stated', (m) => m.caption !== undefined);
  on(stated, (u) => {
    const caption: string = u.effectiveMessage.caption;
    void caption;
  });
  const plain = filters.messageFilter('plain', () => true);
  on(plain, (u) => {
    // @ts-expect-error: a plain predicate narrows nothing
    const text: string = u.effectiveMessage.text;
    void text;
  });
  class Voiced extends filters.MessageFilter<Has<'voice'>> {
    filter(message: Message): boolean {
      return message.voice !== undefined;
    }
  }
  on(new Voiced(), (u) => {
    const duration: number = u.effectiveMessage.voice.duration;
    void duration;
  });
}

export function assignability(update: Update): void {
  // A narrower filter is usable wherever a filter is expected, not the other way round.
  const general: BaseFilter = filters.TEXT;
  // @ts-expect-error: ALL does not guarantee text
  const narrow: BaseFilter<FilteredUpdate<Has<'text'>>> = filters.ALL;
  // Filtered updates are updates.
  const plain: Update = {} as FilteredUpdate<Has<'text'>>;
  if (filters.TEXT.passes(update)) {
    const text: string = update.effectiveMessage.text;
    void text;
  }
  // @ts-expect-error: outside the guard, the update is not narrowed
  const text: string = update.effectiveMessage.text;
  void [general, narrow, plain, text];
}

export function handlers(app: Application): void {
  // Inside addHandler the expected handler type must not leak into the update type.
  app.addHandler(
    new MessageHandler(filters.TEXT.and(filters.UpdateType.MESSAGE), async (update, context) => {
      const text: string = update.message.text;
      const matches: RegExpMatchArray[] | undefined = context.matches;
      void [text, matches];
    }),
  );
  app.addHandler(
    new MessageHandler(null, async (update) => {
      const id: number = update.effectiveMessage.message_id;
      // @ts-expect-error: no filter, no text guarantee
      const text: string = update.effectiveMessage.text;
      void [id, text];
    }),
  );
  app.addHandler(
    new CommandHandler('start', async (update, context) => {
      // A command message has text, and by default it is a new or edited message.
      const text: string = update.effectiveMessage.text;
      const args: string[] | undefined = context.args;
      // @ts-expect-error: MESSAGES is a new or an edited message
      update.message.message_id;
      void [text, args];
    }),
  );
  app.addHandler(
    new CommandHandler(
      ['start', 'help'],
      async (update) => {
        expectType<Equal<typeof update.effectiveChat.type, 'private'>>(true);
        const text: string = update.effectiveMessage.text;
        void text;
      },
      { filters: filters.ChatType.PRIVATE, hasArgs: false },
    ),
  );
  app.addHandler(
    new PrefixHandler('!', 'roll', async (update) => {
      const text: string = update.effectiveMessage.text;
      void text;
    }),
  );
  app.addHandler(
    new StringCommandHandler('reload', async (update, context) => {
      expectType<Equal<typeof update, string>>(true);
      void context.args;
    }),
  );
  app.addHandler(
    new StringRegexHandler(/x/, async (update, context: CallbackContext) => {
      expectType<Equal<typeof update, string>>(true);
      void context.match;
    }),
  );
  // @ts-expect-error: filters must be filters
  new MessageHandler('text', async () => {});
}
