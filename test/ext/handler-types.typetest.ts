/**
 * Type tests of what handler callbacks see: context fields the handler always sets are not
 * optional, `userData`/`chatData` are present where the update always has a user/chat, and the
 * narrowed update and context types are nameable for callbacks written apart from their handler.
 * Only type-checked (`npm run typecheck`); each `@ts-expect-error` must stay an error.
 */

import {
  Application,
  BaseHandler,
  type CallbackContext,
  type CallbackOf,
  CallbackQueryHandler,
  type CallbackQueryUpdate,
  ChatJoinRequestHandler,
  type ChatJoinRequestUpdate,
  ChatMemberHandler,
  ChosenInlineResultHandler,
  type CommandContext,
  CommandHandler,
  type CommandUpdate,
  type ContextOf,
  ContextTypes,
  type ExtBot,
  filters,
  InlineQueryHandler,
  type InlineQueryUpdate,
  type MatchContext,
  type MediaGroup,
  type MediaGroupContext,
  MediaGroupHandler,
  type MediaGroupUpdate,
  MessageHandler,
  MessageReactionHandler,
  PollAnswerHandler,
  PollHandler,
  PreCheckoutQueryHandler,
  PrefixHandler,
  StringCommandHandler,
  StringRegexHandler,
  TypeHandler,
  type UpdateContext,
  UpdateKindHandler,
  type UpdateOf,
  type UpdateWith,
} from '../../src/ext/index.js';
import type { CallbackQuery, Chat, Update, User } from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

interface Visits {
  visits: number;
}
interface Group {
  title: string;
}
type MyContext = CallbackContext<ExtBot, Visits, Group>;

function myApp(): Application<MyContext> {
  return Application.builder()
    .token('1:a')
    .contextTypes(
      new ContextTypes<MyContext>({ userData: () => ({ visits: 0 }), chatData: () => ({ title: '' }) }),
    )
    .build();
}

export function argsAreSetByCommandHandlers(app: Application): void {
  app.addHandler(
    new CommandHandler('start', (update, context) => {
      const args: string[] = context.args;
      const text: string = update.effectiveMessage.text;
      // A command message always has a chat.
      expectType<Equal<typeof context.chatData, Record<string, unknown>>>(true);
      // ...and a sender: new and edited messages always have one (only channel posts have none).
      expectType<Equal<typeof context.userData, Record<string, unknown>>>(true);
      void [args, text];
    }),
  );
  app.addHandler(
    new CommandHandler(
      'start',
      (_update, context) => {
        // Channel posts have no sender: no user data promised.
        expectType<Equal<typeof context.userData, Record<string, unknown> | undefined>>(true);
      },
      { filters: filters.UpdateType.CHANNEL_POSTS },
    ),
  );
  app.addHandler(
    new CommandHandler(
      'start',
      (_update, context) => {
        expectType<Equal<typeof context.userData, Record<string, unknown> | undefined>>(true);
      },
      { filters: filters.UpdateType.MESSAGE.or(filters.UpdateType.CHANNEL_POST) },
    ),
  );
  app.addHandler(
    new PrefixHandler('!', 'roll', (_update, context) => {
      const args: string[] = context.args;
      void args;
    }),
  );
  app.addHandler(
    new StringCommandHandler('reload', (text, context) => {
      expectType<Equal<typeof text, string>>(true);
      const args: string[] = context.args;
      // A string has no chat.
      expectType<Equal<typeof context.chatData, Record<string, unknown> | undefined>>(true);
      void args;
    }),
  );
  app.addHandler(
    new TypeHandler(Object, (_object, context) => {
      // @ts-expect-error: a TypeHandler sets no arguments
      const args: string[] = context.args;
      void args;
    }),
  );
  app.addHandler(
    new MessageHandler(filters.TEXT, (_update, context) => {
      // @ts-expect-error: a MessageHandler sets no arguments
      const args: string[] = context.args;
      void args;
    }),
  );
}

export function matchesAreSetByRegexHandlers(app: Application): void {
  app.addHandler(
    new StringRegexHandler(/^say (.+)$/, (_text, context) => {
      const match: RegExpMatchArray = context.match;
      const matches: RegExpMatchArray[] = context.matches;
      void [match, matches];
    }),
  );
  app.addHandler(
    new CallbackQueryHandler(
      (_update, context) => {
        const match: RegExpMatchArray = context.match;
        void match;
      },
      { pattern: /^choice:(\d+)$/ },
    ),
  );
  app.addHandler(
    new CallbackQueryHandler(
      (_update, context) => {
        const match: RegExpMatchArray = context.match;
        void match;
      },
      { pattern: 'choice' },
    ),
  );
  app.addHandler(
    new InlineQueryHandler(
      (_update, context) => {
        const match: RegExpMatchArray = context.match;
        void match;
      },
      { pattern: /^gif (.+)/, chatTypes: ['private'] },
    ),
  );
  app.addHandler(
    new ChosenInlineResultHandler(
      (_update, context) => {
        const match: RegExpMatchArray = context.match;
        void match;
      },
      { pattern: 'result-' },
    ),
  );
  app.addHandler(
    new CallbackQueryHandler((_update, context) => {
      // @ts-expect-error: without a pattern there is no match
      const match: RegExpMatchArray = context.match;
      void match;
    }),
  );
  app.addHandler(
    new CallbackQueryHandler(
      (_update, context) => {
        // @ts-expect-error: a predicate pattern sets no match
        const match: RegExpMatchArray = context.match;
        void match;
      },
      { pattern: (data) => data === 'yes' },
    ),
  );
  app.addHandler(
    new InlineQueryHandler((_update, context) => {
      // @ts-expect-error: without a pattern there is no match
      const match: RegExpMatchArray = context.match;
      void match;
    }),
  );
}

export function dataIsPresentWhereTheUpdateHasAUserOrChat(): void {
  const app = myApp();
  app.addHandler(
    new CallbackQueryHandler<MyContext>((update, context) => {
      expectType<Equal<typeof context.userData, Visits>>(true);
      context.userData.visits += 1;
      expectType<Equal<typeof update.effectiveUser, User>>(true);
      // A button under an inline message has no chat.
      expectType<Equal<typeof context.chatData, Group | undefined>>(true);
      // @ts-expect-error: a callback query update carries no message field
      update.message.text;
    }),
  );
  app.addHandler(
    new InlineQueryHandler<MyContext>((_update, context) => {
      expectType<Equal<typeof context.userData, Visits>>(true);
    }),
  );
  app.addHandler(
    new PreCheckoutQueryHandler<MyContext>((_update, context) => {
      expectType<Equal<typeof context.userData, Visits>>(true);
    }),
  );
  app.addHandler(
    new ChatJoinRequestHandler<MyContext>((update, context) => {
      expectType<Equal<typeof context.userData, Visits>>(true);
      expectType<Equal<typeof context.chatData, Group>>(true);
      expectType<Equal<typeof update.effectiveChat, Chat>>(true);
    }),
  );
  app.addHandler(
    new ChatMemberHandler<MyContext>((_update, context) => {
      expectType<Equal<typeof context.userData, Visits>>(true);
      expectType<Equal<typeof context.chatData, Group>>(true);
    }),
  );
  app.addHandler(
    new MessageReactionHandler<MyContext>((_update, context) => {
      // Reaction counts are anonymous: a chat, no user.
      expectType<Equal<typeof context.chatData, Group>>(true);
      expectType<Equal<typeof context.userData, Visits | undefined>>(true);
    }),
  );
  app.addHandler(
    new PollAnswerHandler<MyContext>((_update, context) => {
      // A vote may be cast on behalf of a chat.
      expectType<Equal<typeof context.userData, Visits | undefined>>(true);
    }),
  );
  app.addHandler(
    new PollHandler<MyContext>((update, context) => {
      expectType<Equal<typeof update.effectiveUser, User | undefined>>(true);
      expectType<Equal<typeof context.userData, Visits | undefined>>(true);
      expectType<Equal<typeof context.chatData, Group | undefined>>(true);
    }),
  );
  app.addHandler(
    new MessageHandler(filters.ChatType.CHANNEL, (_update, context: MyContext) => {
      void context;
    }),
  );
  app.addHandler(
    new TypeHandler<typeof Object, MyContext>(Object, (_object, context) => {
      expectType<Equal<typeof context.userData, Visits | undefined>>(true);
    }),
  );
  // Without type arguments, the handler takes the context type of the application it is added to.
  app.addHandler(
    new CallbackQueryHandler((_update, context) => {
      expectType<Equal<typeof context.userData, Visits>>(true);
    }),
  );
  app.addHandler(
    new CommandHandler('count', (_update, context) => {
      expectType<Equal<typeof context.chatData, Group>>(true);
      const args: string[] = context.args;
      void args;
    }),
  );
  app.addHandler(
    new CallbackQueryHandler(
      (_update, context) => {
        expectType<Equal<typeof context.userData, Visits>>(true);
        const match: RegExpMatchArray = context.match;
        void match;
      },
      { pattern: /^go$/ },
    ),
  );
  // The narrowed context is still the application's context type.
  app.addHandler(
    new CallbackQueryHandler<MyContext>((_update, context) => {
      const plain: MyContext = context;
      const application: Application<MyContext> = context.application;
      void [plain, application];
    }),
  );
}

// Named callbacks: the exported update and context types keep the narrowing.

async function onButton(update: CallbackQueryUpdate, context: UpdateContext<CallbackQueryUpdate, MyContext>) {
  const query: CallbackQuery = update.callback_query;
  const user: User = update.effectiveUser;
  context.userData.visits += 1;
  await query.answer({ text: `${user.first_name}: ${context.userData.visits}` });
}

async function onChoice(update: CallbackQueryUpdate, context: MatchContext): Promise<void> {
  await update.callback_query.answer({ text: context.match[1] });
}

async function onStart(update: CommandUpdate, context: CommandContext): Promise<void> {
  const args: string[] = context.args;
  await update.effectiveMessage.replyText(args.join(' '));
}

async function onHelp(update: UpdateOf<CommandHandler>, context: ContextOf<CommandHandler>): Promise<void> {
  const args: string[] = context.args;
  const chatData: Record<string, unknown> = context.chatData;
  await update.effectiveMessage.replyText(`${args.length} ${Object.keys(chatData).length}`);
}

async function onQuery(update: InlineQueryUpdate, context: ContextOf<InlineQueryHandler>): Promise<void> {
  await update.inline_query.answer([]);
  const data: Record<string, unknown> = context.userData;
  void data;
}

const PRIVATE_TEXT = filters.TEXT.and(filters.ChatType.PRIVATE);

async function onText(
  update: UpdateOf<typeof PRIVATE_TEXT>,
  context: UpdateContext<UpdateOf<typeof PRIVATE_TEXT>>,
) {
  const text: string = update.effectiveMessage.text;
  const chatData: Record<string, unknown> = context.chatData;
  await update.effectiveMessage.replyText(`${text} ${Object.keys(chatData).length}`);
}

function onJoin(update: ChatJoinRequestUpdate): Promise<true> {
  return update.chat_join_request.approve();
}

function onAlbum(album: MediaGroup, context: MediaGroupContext): void {
  const first: MediaGroupUpdate | undefined = album.updates[0];
  const id: string = first?.effectiveMessage.media_group_id ?? album.mediaGroupId;
  context.chatData[id] = album.messages.length;
}

export function namedCallbacks(app: Application): void {
  myApp().addHandler(new CallbackQueryHandler<MyContext>(onButton));
  myApp().addHandler(new CallbackQueryHandler(onButton));
  app.addHandler(new CallbackQueryHandler(onChoice, { pattern: /^choice:(\d+)$/ }));
  app.addHandler(new CommandHandler('start', onStart));
  app.addHandler(new CommandHandler('help', onHelp));
  app.addHandler(new InlineQueryHandler(onQuery));
  app.addHandler(new ChatJoinRequestHandler(onJoin));
  app.addHandler(new MessageHandler(PRIVATE_TEXT, onText));
  // @ts-expect-error: any message is no text message
  app.addHandler(new MessageHandler(filters.ALL, onText));
  const EDITS = filters.UpdateType.EDITED;
  const onEdit = (update: UpdateOf<typeof EDITS>) => update.effectiveMessage.message_id;
  app.addHandler(new MessageHandler(EDITS, onEdit));
  // @ts-expect-error: a text callback on a handler for edits of any message
  app.addHandler(new MessageHandler(EDITS, onText));
  const onStartInPrivate = (update: CommandUpdate<UpdateOf<typeof filters.ChatType.PRIVATE>>) =>
    update.effectiveChat.type;
  app.addHandler(new CommandHandler('start', onStartInPrivate, { filters: filters.ChatType.PRIVATE }));
  app.addHandler(new MediaGroupHandler(onAlbum));
  // @ts-expect-error: a callback that needs a match, on a handler without a pattern
  new CallbackQueryHandler<CallbackContext>(onChoice);
  // @ts-expect-error: a predicate pattern sets no match
  app.addHandler(new CallbackQueryHandler<CallbackContext>(onChoice, { pattern: (data) => data === 'x' }));
  // @ts-expect-error: a callback for callback queries is no command callback
  new CommandHandler('start', onButton);
  expectType<Equal<UpdateOf<CallbackQueryHandler>, CallbackQueryUpdate>>(true);
  expectType<Equal<UpdateOf<MediaGroupHandler>, MediaGroup>>(true);
}

export function mediaGroupHandlerTypes(app: Application): void {
  const handler = new MediaGroupHandler((album, context) => {
    expectType<Equal<typeof album, MediaGroup>>(true);
    expectType<Equal<typeof context.chatData, Record<string, unknown>>>(true);
  });
  app.addHandler(handler);
  // Handling an album's update resolves at once: the callback runs later, as a task.
  type Handled = Awaited<ReturnType<typeof handler.handleUpdate>>;
  expectType<Equal<Handled, undefined>>(true);
  type Taken = Parameters<typeof handler.handleUpdate>[0];
  expectType<Equal<Taken, MediaGroupUpdate>>(true);
  // @ts-expect-error: the callback gets the album, not an update
  new MediaGroupHandler((update: Update) => update.update_id);
}

export function customHandlers(app: Application): void {
  // The example of UpdateKindHandler: guest messages always have a chat.
  type GuestUpdate = UpdateWith<'guest_message'>;
  class GuestMessageHandler extends UpdateKindHandler<'guest_message', CallbackContext, unknown> {
    constructor(callback: CallbackOf<GuestUpdate, UpdateContext<GuestUpdate>, unknown>) {
      super('guest_message', callback);
    }
  }
  app.addHandler(
    new GuestMessageHandler((update, context) => {
      expectType<Equal<typeof update.guest_message.chat, Chat>>(true);
      expectType<Equal<typeof context.chatData, Record<string, unknown>>>(true);
    }),
  );
  // A handler that sets `args` says so in its callback context type (CC).
  class WordsHandler extends BaseHandler<string, CallbackContext, void, string[], CommandContext> {
    checkUpdate(update: unknown): string[] | undefined {
      return typeof update === 'string' ? update.split(' ') : undefined;
    }
    override collectAdditionalContext(
      context: CallbackContext,
      _u: string,
      _a: Application,
      words: string[],
    ) {
      context.args = words;
    }
  }
  app.addHandler(
    new WordsHandler((_text, context) => {
      const words: string[] = context.args;
      void words;
    }),
  );
}

export function inlineQueryChatTypes(): void {
  new InlineQueryHandler(() => undefined, { chatTypes: ['sender', 'private'] });
  // @ts-expect-error: a misspelt chat type
  new InlineQueryHandler(() => undefined, { chatTypes: ['privat'] });
}
