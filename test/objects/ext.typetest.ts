/**
 * Type-level tests of the framework: only type-checked (`npm run typecheck`). A regression in
 * the public types makes `tsc` fail; each `@ts-expect-error` must stay an error.
 */

import {
  Application,
  BaseHandler,
  CallbackContext,
  CallbackQueryHandler,
  ChatJoinRequestHandler,
  ChatMemberHandler,
  ContextTypes,
  type ErrorCallback,
  type ExtBot,
  InlineQueryHandler,
  type MediaGroup,
  MediaGroupHandler,
  PollAnswerHandler,
  PreCheckoutQueryHandler,
  TypeHandler,
  type UpdateWith,
} from '../../src/ext/index.js';
import type {
  CallbackQuery,
  ChatJoinRequest,
  ChatMemberUpdated,
  InlineQuery,
  PollAnswer,
  PreCheckoutQuery,
  Update,
} from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

export function defaultApplication(): void {
  const app = Application.builder().token('1:a').build();
  expectType<Equal<typeof app, Application<CallbackContext>>>(true);
  expectType<Equal<typeof app.bot, ExtBot>>(true);
  expectType<Equal<typeof app.botData, Record<string, unknown>>>(true);
  app.addErrorHandler((update, context) => {
    expectType<Equal<typeof update, unknown>>(true);
    expectType<Equal<typeof context, CallbackContext>>(true);
    expectType<Equal<typeof context.error, unknown>>(true);
  });
  const typed: (update: Update, context: ContextTypes.DEFAULT_TYPE) => Promise<void> = async () => undefined;
  app.addHandler(new TypeHandler(Object, typed as never));
}

export function handlersNarrowTheUpdate(app: Application): void {
  app.addHandler(
    new CallbackQueryHandler((update, context) => {
      expectType<Equal<typeof update.callback_query, CallbackQuery>>(true);
      expectType<Equal<typeof context.match, RegExpMatchArray | undefined>>(true);
    }),
  );
  app.addHandler(
    new InlineQueryHandler((update) => {
      expectType<Equal<typeof update.inline_query, InlineQuery>>(true);
    }),
  );
  app.addHandler(
    new PreCheckoutQueryHandler((update) => {
      expectType<Equal<typeof update.pre_checkout_query, PreCheckoutQuery>>(true);
    }),
  );
  app.addHandler(
    new PollAnswerHandler((update) => {
      expectType<Equal<typeof update.poll_answer, PollAnswer>>(true);
    }),
  );
  app.addHandler(
    new ChatJoinRequestHandler((update) => {
      expectType<Equal<typeof update.chat_join_request, ChatJoinRequest>>(true);
    }),
  );
  app.addHandler(
    new ChatMemberHandler((update) => {
      // One of the two is present: the union says which.
      expectType<Equal<typeof update, UpdateWith<'my_chat_member'> | UpdateWith<'chat_member'>>>(true);
      if (update.chat_member !== undefined)
        expectType<Equal<typeof update.chat_member, ChatMemberUpdated>>(true);
    }),
  );
  app.addHandler(
    new MediaGroupHandler((album) => {
      expectType<Equal<typeof album, MediaGroup>>(true);
    }),
  );
  app.addHandler(
    new TypeHandler(String, (text) => {
      expectType<Equal<typeof text, string>>(true);
    }),
  );
  class Tick {
    readonly at = 0;
  }
  app.addHandler(
    new TypeHandler(Tick, (tick) => {
      expectType<Equal<typeof tick, Tick>>(true);
    }),
  );
  new CallbackQueryHandler((update) => {
    // @ts-expect-error an inline query is not narrowed in a callback query handler
    update.inline_query.query;
  });
  // @ts-expect-error a pattern is a string, RegExp, function or class
  new CallbackQueryHandler(() => undefined, { pattern: 5 });
  // @ts-expect-error addHandler takes handlers
  app.addHandler({ checkUpdate: () => true });
}

interface Visits {
  visits: number;
}

class MyContext extends CallbackContext<ExtBot, Visits, { title: string }> {
  get visits(): number {
    return this.userData?.visits ?? 0;
  }
}

export function customContext(): void {
  const app = Application.builder()
    .token('1:a')
    .contextTypes(
      new ContextTypes({
        context: MyContext,
        userData: () => ({ visits: 0 }),
        chatData: () => ({ title: '' }),
      }),
    )
    .postInit(async (application) => {
      expectType<Equal<typeof application, Application<MyContext>>>(true);
    })
    .build();
  expectType<Equal<typeof app, Application<MyContext>>>(true);
  expectType<Equal<ReturnType<typeof app.userData.get>, Visits | undefined>>(true);
  expectType<Equal<ReturnType<typeof app.chatData.get>, { title: string } | undefined>>(true);
  app.addHandler(
    new CallbackQueryHandler<MyContext>((_update, context) => {
      expectType<Equal<typeof context.visits, number>>(true);
      // A callback query always has a user: the declared user data, never `undefined`.
      expectType<Equal<typeof context.userData, Visits>>(true);
      const application: Application<MyContext> = context.application;
      void application;
    }),
  );
  // Handlers written for the default context work in an application with a custom one.
  app.addHandler(new CallbackQueryHandler(() => undefined));
  const onError: ErrorCallback<MyContext> = (_update, context) => {
    expectType<Equal<typeof context.visits, number>>(true);
  };
  app.addErrorHandler(onError);
  const context = MyContext.fromUpdate(null, app);
  expectType<Equal<typeof context, MyContext>>(true);
  const plain = CallbackContext.fromUpdate(null, app);
  expectType<Equal<typeof plain, CallbackContext>>(true);
  // @ts-expect-error the data factory must make the declared data type
  new ContextTypes({ context: MyContext, userData: () => ({ visits: 'many' }) });
}

export function customHandler(): void {
  class EverySecond extends BaseHandler<Update, CallbackContext, void, number> {
    checkUpdate(update: unknown): number | false {
      return update instanceof Object && 'update_id' in update ? 2 : false;
    }
    override collectAdditionalContext(
      context: CallbackContext,
      _u: Update,
      _a: Application,
      check: number,
    ): void {
      context.args = [String(check)];
    }
  }
  Application.builder()
    .token('1:a')
    .build()
    .addHandler(new EverySecond(() => undefined));
}
