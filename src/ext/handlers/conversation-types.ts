/**
 * The types of ConversationHandler's public surface: states, the handlers a conversation takes,
 * its options, and the error for a returned state it does not have.
 */
import type { AnyContext } from '../context.js';
import type { ConversationKey, ConversationState } from '../persistence/base.js';
import type { AnyHandler, BaseHandler } from './base.js';

/** {@link ConversationHandler.END}: what a callback returns to end the conversation. */
export type ConversationEnd = -1;
/** The keys of the two special states, {@link ConversationHandler.TIMEOUT} and {@link ConversationHandler.WAITING}. */
export type SpecialState = -2 | -3;

/**
 * What a callback inside a conversation with states `S` may return: one of them, `END`, or nothing
 * (the state stays). A conversation whose states are not declared (`S` is every string and number)
 * takes callbacks returning anything, checked when they run.
 */
export type StateResult<S> = [ConversationState] extends [S]
  ? unknown
  : // biome-ignore lint/suspicious/noConfusingVoidType: callbacks that return nothing are typed `void`.
    S | ConversationEnd | undefined | void;

/** A handler that may serve as entry point, state handler or fallback of a conversation with states `S`. */
export type ConversationMember<C extends AnyContext, S> = BaseHandler<
  never,
  C,
  StateResult<S>,
  unknown,
  C,
  never
>;

/**
 * The `states` of a conversation: for every state in `S` its handlers, and optionally the handlers
 * of the special states `TIMEOUT` and `WAITING`. `M` are the further values callbacks may return
 * (the keys of `mapToParent`).
 */
export type ConversationStates<C extends AnyContext, S extends ConversationState, M = never> = {
  readonly [K in S | SpecialState]?: readonly ConversationMember<C, NoInfer<Exclude<S, SpecialState>> | M>[];
} & { readonly [K in Exclude<NoInfer<S>, SpecialState>]: unknown };

/** Options of {@link ConversationHandler}. */
export interface ConversationHandlerOptions<
  C extends AnyContext,
  S extends ConversationState,
  M extends ConversationState,
  P extends ConversationState,
> {
  /** The handlers that start a conversation (PTB's `entry_points`). */
  readonly entryPoints: readonly ConversationMember<C, NoInfer<Exclude<S, SpecialState>> | NoInfer<M>>[];
  /** Each state's handlers; `TIMEOUT` and `WAITING` keys hold those of the special states. */
  readonly states: ConversationStates<C, S, NoInfer<M>>;
  /** Handlers tried when no handler of the current state takes the update (e.g. `/cancel`). */
  readonly fallbacks?:
    | readonly ConversationMember<C, NoInfer<Exclude<S, SpecialState>> | NoInfer<M>>[]
    | undefined;
  /** Whether an entry point restarts a running conversation (default `false`). */
  readonly allowReentry?: boolean | undefined;
  /** Key conversations by chat (default `true`). */
  readonly perChat?: boolean | undefined;
  /** Key conversations by user (default `true`). */
  readonly perUser?: boolean | undefined;
  /** Key conversations by the callback query's message (default `false`; only CallbackQueryHandlers then). */
  readonly perMessage?: boolean | undefined;
  /** Seconds of inactivity after which a conversation ends (its `TIMEOUT` handlers run first); needs a job queue. */
  readonly conversationTimeout?: number | undefined;
  /** The conversation's name: required for `persistent`. */
  readonly name?: string | undefined;
  /** Store the conversations through the application's persistence (needs `name`). */
  readonly persistent?: boolean | undefined;
  /**
   * For a conversation nested in another's states: returned values (one of this conversation's
   * states, `END`, or another value its callbacks return) that end this conversation and become
   * the outer conversation's next state.
   */
  readonly mapToParent?: { readonly [K in M]: P } | undefined;
  /**
   * Default `block` of the handlers inside (each handler's own `block` wins; without either, the
   * application's `Defaults.block`, else `true`). The conversation itself always blocks.
   */
  readonly block?: boolean | undefined;
}

/** A callback returned a state the conversation does not have. */
export class ConversationStateError extends Error {
  /** The value the callback returned. */
  readonly state: unknown;

  constructor(message: string, state: unknown) {
    super(message);
    this.name = 'ConversationStateError';
    this.state = state;
  }
}

/** What {@link ConversationHandler.checkUpdate} found: the conversation and the handler to run. */
export interface ConversationCheck<C extends AnyContext> {
  readonly key: ConversationKey;
  /** The conversation's state before the update; `undefined` when none runs. */
  readonly state: ConversationState | undefined;
  /** Whether a non-blocking callback of this conversation still runs (the `WAITING` handlers answer). */
  readonly waiting: boolean;
  readonly handler: AnyHandler<C>;
  readonly check: unknown;
}
