/**
 * Type tests of ConversationHandler's typed states: the state type comes from the `states` keys
 * (or a type argument, or an enum); callbacks returning a state the conversation lacks and a
 * `states` map missing a declared state are compile errors. Only type-checked
 * (`npm run typecheck`); each `@ts-expect-error` must stay an error.
 */

import {
  Application,
  type CallbackContext,
  CallbackQueryHandler,
  CommandHandler,
  ConversationHandler,
  filters,
  MessageHandler,
} from '../../../src/ext/index.js';

const END = ConversationHandler.END;

// Inferred from the keys of `states`, with states from an `as const` object.
const State = { CHOOSING: 'CHOOSING', TYPING: 'TYPING' } as const;
const inferred = new ConversationHandler({
  entryPoints: [new CommandHandler('start', async () => State.CHOOSING)],
  states: {
    [State.CHOOSING]: [new MessageHandler(filters.TEXT, async () => State.TYPING)],
    [State.TYPING]: [
      new MessageHandler(filters.TEXT, async (update) =>
        update.message?.text === 'done' ? END : State.CHOOSING,
      ),
      new CommandHandler('stay', async () => {}),
    ],
    [ConversationHandler.TIMEOUT]: [new MessageHandler(filters.ALL, async () => {})],
  },
  fallbacks: [new CommandHandler('cancel', () => END)],
});
const states: ConversationHandler<CallbackContext, 'CHOOSING' | 'TYPING' | -2> = inferred;
void states;

new ConversationHandler({
  // @ts-expect-error 'SHOPPING' is not a state of this conversation
  entryPoints: [new CommandHandler('start', async () => 'SHOPPING' as const)],
  states: { [State.CHOOSING]: [], [State.TYPING]: [] },
});

new ConversationHandler({
  entryPoints: [],
  states: {
    // @ts-expect-error a state callback returning an unknown state
    [State.CHOOSING]: [new MessageHandler(filters.TEXT, async () => 'TYPO' as const)],
    [State.TYPING]: [],
  },
});

// Declared with a type argument: `states` must list every state.
new ConversationHandler<CallbackContext, 'CHOOSING' | 'TYPING'>({
  entryPoints: [new CommandHandler('start', () => State.CHOOSING)],
  // @ts-expect-error TYPING is missing
  states: { CHOOSING: [], [ConversationHandler.WAITING]: [] },
});
new ConversationHandler<CallbackContext, 'CHOOSING' | 'TYPING'>({
  entryPoints: [new CommandHandler('start', () => State.CHOOSING)],
  states: { CHOOSING: [], TYPING: [], [ConversationHandler.WAITING]: [] },
  fallbacks: [
    // @ts-expect-error a fallback returning an undeclared state
    new CommandHandler('x', () => 'OTHER' as const),
  ],
});

// An enum, with named callbacks written apart from their handlers.
enum Step {
  NAME,
  AGE,
}
async function askName(): Promise<Step> {
  return Step.NAME;
}
async function finish(): Promise<typeof END> {
  return END;
}
const enumConversation = new ConversationHandler({
  entryPoints: [new CommandHandler('start', askName)],
  states: {
    [Step.NAME]: [new MessageHandler(filters.TEXT, async () => Step.AGE)],
    [Step.AGE]: [new MessageHandler(filters.TEXT, finish)],
  },
});
const enumTyped: ConversationHandler<CallbackContext, Step> = enumConversation;
void enumTyped;

new ConversationHandler<CallbackContext, Step>({
  entryPoints: [new CommandHandler('start', askName)],
  // @ts-expect-error Step.AGE is missing
  states: { [Step.NAME]: [] },
});

new ConversationHandler({
  entryPoints: [new CommandHandler('start', askName)],
  states: {
    // @ts-expect-error a string is no Step
    [Step.NAME]: [new MessageHandler(filters.TEXT, async () => 'AGE' as const)],
    [Step.AGE]: [],
  },
});

// Nested: the child's mapToParent values must be the parent's states.
enum Outer {
  MENU,
  DETAILS,
}
const child = new ConversationHandler({
  entryPoints: [new CallbackQueryHandler(() => 'SHOWING' as const)],
  states: { SHOWING: [new CallbackQueryHandler(() => 'BACK' as const)] },
  mapToParent: { BACK: Outer.MENU, [END]: Outer.DETAILS },
  perMessage: true,
});
new ConversationHandler({
  entryPoints: [new CommandHandler('start', () => Outer.MENU)],
  states: { [Outer.MENU]: [child], [Outer.DETAILS]: [] },
});
const strayChild = new ConversationHandler({
  entryPoints: [new CommandHandler('go', () => 'IN' as const)],
  states: { IN: [] },
  mapToParent: { IN: 'ELSEWHERE' as const },
});
new ConversationHandler({
  entryPoints: [new CommandHandler('start', () => Outer.MENU)],
  // @ts-expect-error the child maps to 'ELSEWHERE', which the parent does not have
  states: { [Outer.MENU]: [strayChild], [Outer.DETAILS]: [] },
});

// Without declared states anything goes (checked at run time), and the application takes it.
const loose = new ConversationHandler<CallbackContext>({
  entryPoints: [new CommandHandler('start', (): unknown => 'whatever')],
  states: { A: [] },
});
const app = Application.builder().token('1:x').updater(null).build();
app.addHandler(loose);
app.addHandler(inferred);
app.addHandler(enumConversation);
