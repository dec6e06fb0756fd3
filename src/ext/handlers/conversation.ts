/**
 * `ConversationHandler` (PTB's): a state machine per chat/user/message, whose states are lists of
 * handlers and whose callbacks return the next state.
 */
import { Update } from '../../generated/types.js';
import { PTBUserWarning, warn } from '../../warnings.js';
import type { Application } from '../application.js';
import type { AnyContext, CallbackContext } from '../context.js';
import { ApplicationHandlerStop } from '../errors.js';
import type { Job } from '../job-queue/job.js';
import type {
  BasePersistence,
  ConversationKey,
  ConversationState,
  PersistenceParticipant,
} from '../persistence/base.js';
import { noteConversationState } from '../persistence/update-journal.js';
import { type AnyHandler, BaseHandler } from './base.js';
import {
  configurationWarnings,
  firstTaking,
  handlerList,
  stateMap,
  timeoutSeconds,
} from './conversation-checks.js';
import { conversationKey, hasKey, type KeyScope } from './conversation-key.js';
import {
  type ConversationCheck,
  type ConversationHandlerOptions,
  ConversationStateError,
} from './conversation-types.js';

export type {
  ConversationCheck,
  ConversationEnd,
  ConversationHandlerOptions,
  ConversationMember,
  ConversationStates,
  SpecialState,
  StateResult,
} from './conversation-types.js';
export { ConversationStateError } from './conversation-types.js';

// Annotated literal types do not widen, so `() => ConversationHandler.END` returns -1, not number.
const END: -1 = -1;
const TIMEOUT: -2 = -2;
const WAITING: -3 = -3;

/** A conversation whose non-blocking callback still runs: its state before, and whether it settled. */
class PendingState {
  constructor(readonly oldState: ConversationState | undefined) {}
}

type Entry = ConversationState | PendingState;

function isStateValue(value: unknown): value is ConversationState {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * Runs a conversation: an update that an entry point takes starts one for its chat and user
 * (`perChat`/`perUser`/`perMessage` choose the key); each callback returns the next state, whose
 * handlers take the following updates; `fallbacks` answer what the state's handlers do not take;
 * `ConversationHandler.END` ends it and returning nothing keeps the state. In a group, every user
 * has their own conversation (`perUser`); with `perUser: false` the chat shares one.
 *
 * Special states: `TIMEOUT` handlers run when `conversationTimeout` seconds pass without an update
 * (the conversation then ends), `WAITING` handlers take updates that arrive while a non-blocking
 * callback (`block: false`) of the conversation still runs. A conversation inside another's states
 * is nested: its `mapToParent` turns its returned values into the outer conversation's state.
 *
 * The state type `S` is inferred from the keys of `states` (or given: `ConversationHandler<Ctx,
 * State>`), and then every callback must return one of the states, `END` or nothing; `states` must
 * list every declared state. Return states as enum members or fields of an `as const` object
 * (`async () => 'NAME'` widens to `string`, which no state type accepts).
 *
 * @typeParam C - the application's context type
 * @typeParam S - the states (strings or numbers, including `TIMEOUT`/`WAITING` keys when given)
 * @typeParam M - the keys of `mapToParent`
 * @typeParam P - the outer conversation's states that `mapToParent` maps to
 *
 * @example
 * ```ts
 * enum State { NAME, AGE }
 * const conversation = new ConversationHandler({
 *   entryPoints: [new CommandHandler('start', async (update) => {
 *     await update.message.replyText('Your name?');
 *     return State.NAME;
 *   })],
 *   states: {
 *     [State.NAME]: [new MessageHandler(filters.TEXT, async (update, context) => {
 *       context.userData.name = update.message.text;
 *       await update.message.replyText('Your age?');
 *       return State.AGE;
 *     })],
 *     [State.AGE]: [new MessageHandler(filters.TEXT, async (update) => {
 *       await update.message.replyText('Thanks!');
 *       return ConversationHandler.END;
 *     })],
 *   },
 *   fallbacks: [new CommandHandler('cancel', () => ConversationHandler.END)],
 * });
 * app.addHandler(conversation);
 * ```
 */
export class ConversationHandler<
    C extends AnyContext = CallbackContext,
    S extends ConversationState = ConversationState,
    M extends ConversationState = never,
    P extends ConversationState = never,
  >
  extends BaseHandler<Update, C, P | undefined, ConversationCheck<C>, C, Update>
  implements PersistenceParticipant
{
  /** Returned by a callback: the conversation ends. */
  static readonly END: -1 = END;
  /** The key in `states` of the handlers that run when a conversation times out. */
  static readonly TIMEOUT: -2 = TIMEOUT;
  /** The key in `states` of the handlers for updates that arrive while a non-blocking callback runs. */
  static readonly WAITING: -3 = WAITING;

  readonly entryPoints: readonly AnyHandler<C>[];
  /** The handlers of each state, by the state's key as text (object keys are text). */
  readonly states: ReadonlyMap<string, readonly AnyHandler<C>[]>;
  readonly fallbacks: readonly AnyHandler<C>[];
  readonly allowReentry: boolean;
  readonly perChat: boolean;
  readonly perUser: boolean;
  readonly perMessage: boolean;
  /** Seconds of inactivity before a conversation times out; `undefined` for never. */
  readonly conversationTimeout: number | undefined;
  readonly name: string | undefined;
  readonly persistent: boolean;
  readonly mapToParent: ReadonlyMap<string, P> | undefined;

  readonly #scope: KeyScope;
  readonly #block: boolean | undefined;
  readonly #conversations = new Map<ConversationKey, Entry>();
  /** Keys whose state changed since the last {@link storePersisted} (persistent conversations only). */
  readonly #changed = new Set<ConversationKey>();
  readonly #timeoutJobs = new Map<ConversationKey, Job<C>>();
  readonly #children: readonly ConversationHandler<
    C,
    ConversationState,
    ConversationState,
    ConversationState
  >[];
  readonly #warned = new Set<string>();

  constructor(options: ConversationHandlerOptions<C, S, M, P>) {
    // The callback runs an update through the conversation, as the application would.
    const self: { handler?: ConversationHandler<C, S, M, P> } = {};
    super(
      async (update: Update, context: C) => {
        const handler = self.handler as ConversationHandler<C, S, M, P>;
        const check = handler.checkUpdate(update);
        if (check === undefined) return undefined;
        return await handler.handleUpdate(update, context.application as Application<C>, check, context);
      },
      { block: true },
    );
    self.handler = this;
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('ConversationHandler takes an options object: { entryPoints, states, fallbacks }');
    }
    this.entryPoints = handlerList(options.entryPoints, 'entryPoints');
    this.fallbacks = handlerList(options.fallbacks ?? [], 'fallbacks');
    this.states = stateMap<C>(options.states);
    this.allowReentry = options.allowReentry ?? false;
    this.perChat = options.perChat ?? true;
    this.perUser = options.perUser ?? true;
    this.perMessage = options.perMessage ?? false;
    this.#scope = { perChat: this.perChat, perUser: this.perUser, perMessage: this.perMessage };
    this.conversationTimeout = timeoutSeconds(options.conversationTimeout);
    this.name = options.name;
    this.persistent = options.persistent ?? false;
    this.#block = options.block;
    this.mapToParent =
      options.mapToParent === undefined
        ? undefined
        : new Map(Object.entries(options.mapToParent as Record<string, P>));

    if (this.persistent && (this.name === undefined || this.name === '')) {
      throw new TypeError('A persistent ConversationHandler needs a name: add name: "<unique name>"');
    }
    if (!this.perChat && !this.perUser && !this.perMessage) {
      throw new TypeError('perChat, perUser and perMessage cannot all be false: a conversation needs a key');
    }
    const all = [...this.entryPoints, ...this.fallbacks, ...[...this.states.values()].flat()];
    this.#children = all.filter(
      (handler): handler is ConversationHandler<C, ConversationState, ConversationState, ConversationState> =>
        handler instanceof ConversationHandler,
    );
    this.#checkChildren();
    const messages = configurationWarnings(
      all,
      { ...this.#scope, hasTimeout: this.conversationTimeout !== undefined },
      (handler) => handler instanceof ConversationHandler,
    );
    for (const message of messages) this.#warnOnce(message);
  }

  #checkChildren(): void {
    for (const child of this.#children) {
      if (this.persistent && !child.persistent) {
        throw new TypeError(
          `The nested ConversationHandler${child.name === undefined ? '' : ` "${child.name}"`} of the persistent ` +
            `conversation "${this.name}" must be persistent too: give it persistent: true and a name`,
        );
      }
      for (const [key, value] of child.mapToParent ?? []) {
        if (value === END || this.#isState(value) || this.mapToParent?.has(String(value))) continue;
        throw new TypeError(
          `The nested conversation maps ${key} to ${describe(value)}, which is not a state of the outer ` +
            `conversation${this.name === undefined ? '' : ` "${this.name}"`}: add it to states or map to ConversationHandler.END`,
        );
      }
    }
  }

  #warnOnce(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    warn(message, PTBUserWarning);
  }

  #isState(value: unknown): boolean {
    if (!isStateValue(value)) return false;
    const text = String(value);
    return text !== String(TIMEOUT) && text !== String(WAITING) && this.states.has(text);
  }

  /**
   * The current state of every running conversation, by key (`JSON.stringify([chatId, userId])`
   * for the defaults). A conversation whose non-blocking callback still runs shows its state before.
   */
  get conversations(): ReadonlyMap<ConversationKey, ConversationState> {
    const view = new Map<ConversationKey, ConversationState>();
    for (const [key, entry] of this.#conversations) {
      const state = entry instanceof PendingState ? entry.oldState : entry;
      if (state !== undefined) view.set(key, state);
    }
    return view;
  }

  /**
   * Finds the conversation of the update and the handler that takes it: with no conversation
   * running (or `allowReentry`), an entry point; else a handler of the current state, else a
   * fallback. While a non-blocking callback runs, only the `WAITING` handlers.
   */
  checkUpdate(update: unknown): ConversationCheck<C> | undefined {
    if (!(update instanceof Update) || !hasKey(update, this.#scope)) return undefined;
    if (this.#conversations.size === 0) {
      // No conversation runs: only an entry point can take the update, and most updates of a
      // bot are not one, so the key is made only for those that are.
      const found = firstTaking(this.entryPoints, update);
      if (found === undefined) return undefined;
      return { key: conversationKey(update, this.#scope), state: undefined, waiting: false, ...found };
    }
    const key = conversationKey(update, this.#scope);
    const entry = this.#conversations.get(key);
    if (entry instanceof PendingState) {
      const found = firstTaking(this.states.get(String(WAITING)) ?? [], update);
      return found === undefined ? undefined : { key, state: entry.oldState, waiting: true, ...found };
    }
    let found: { handler: AnyHandler<C>; check: unknown } | undefined;
    if (entry === undefined || this.allowReentry) found = firstTaking(this.entryPoints, update);
    if (found === undefined && entry !== undefined) {
      found =
        firstTaking(this.states.get(String(entry)) ?? [], update) ?? firstTaking(this.fallbacks, update);
    }
    return found === undefined ? undefined : { key, state: entry, waiting: false, ...found };
  }

  /**
   * Runs the handler {@link checkUpdate} chose and moves the conversation to the state it returned.
   * Resolves to the outer conversation's next state when this one is nested and `mapToParent`
   * maps the returned value, else `undefined`.
   */
  override async handleUpdate(
    update: Update,
    application: Application<C>,
    checkResult: ConversationCheck<C>,
    context: C,
  ): Promise<P | undefined> {
    const { key, handler, check, waiting } = checkResult;
    const blocking = handler.blockIsDefault
      ? (this.#block ?? application.defaults?.block ?? true)
      : handler.block;
    if (waiting) {
      // The running callback decides the state; a WAITING handler only answers meanwhile.
      if (!blocking) {
        void application.createTask(handler.handleUpdate(update as never, application, check, context), {
          update,
        });
        return undefined;
      }
      await handler.handleUpdate(update as never, application, check, context);
      return undefined;
    }
    this.#cancelTimeout(key);
    if (!blocking) {
      this.#runInBackground(update, application, checkResult, context);
      return undefined;
    }

    let returned: unknown;
    let stop = false;
    try {
      returned = await handler.handleUpdate(update as never, application, check, context);
    } catch (error) {
      if (!(error instanceof ApplicationHandlerStop)) {
        this.#scheduleTimeout(key, update, application, context);
        throw error;
      }
      returned = error.state;
      stop = true;
    }
    try {
      this.#checkReturned(returned, handler);
    } catch (error) {
      this.#scheduleTimeout(key, update, application, context);
      throw error;
    }
    const parentState = this.#parentState(returned);
    if (parentState !== undefined) {
      this.#setState(key, END);
      if (stop) throw new ApplicationHandlerStop(parentState);
      return parentState;
    }
    this.#setState(key, returned);
    this.#scheduleTimeout(key, update, application, context);
    if (stop) throw new ApplicationHandlerStop();
    return undefined;
  }

  /** A non-blocking callback: the conversation waits (PendingState) until it settles. */
  #runInBackground(
    update: Update,
    application: Application<C>,
    checkResult: ConversationCheck<C>,
    context: C,
  ): void {
    const { key, handler, check, state } = checkResult;
    const pending = new PendingState(state);
    this.#conversations.set(key, pending);
    this.#markChanged(key);
    const run = (async () => {
      const returned = await handler.handleUpdate(update as never, application, check, context);
      this.#checkReturned(returned, handler);
      return returned;
    })();
    run.then(
      (returned) => {
        if (this.#conversations.get(key) !== pending) return;
        this.#setState(key, this.#settledState(returned, pending));
        this.#scheduleTimeout(key, update, application, context);
      },
      () => {
        if (this.#conversations.get(key) !== pending) return;
        this.#setState(key, pending.oldState ?? END);
        this.#scheduleTimeout(key, update, application, context);
      },
    );
    // The application routes the failure (including an unknown state) to the error handlers.
    void application.createTask(run, { update });
  }

  /** The state a non-blocking callback's result leads to. */
  #settledState(returned: unknown, pending: PendingState): unknown {
    // Nothing returned keeps the old state; nothing returned by an entry point starts nothing.
    if (returned === undefined || returned === null) return pending.oldState ?? END;
    if (this.#parentState(returned) !== undefined && !this.#isState(returned)) {
      this.#warnOnce(
        'A non-blocking callback returned a value of mapToParent: only blocking callbacks move the outer ' +
          'conversation, so this nested conversation just ends. Make the callback blocking (block: true).',
      );
      return END;
    }
    return returned;
  }

  #checkReturned(returned: unknown, handler: AnyHandler<C>): void {
    if (returned === undefined || returned === null || returned === END) return;
    if (this.#isState(returned) || (isStateValue(returned) && this.mapToParent?.has(String(returned))))
      return;
    const where =
      this.name === undefined ? 'the ConversationHandler' : `the ConversationHandler "${this.name}"`;
    const callback = handler.callback.name === '' ? 'A callback' : `The callback ${handler.callback.name}`;
    throw new ConversationStateError(
      `${callback} returned ${describe(returned)}, which is not a state of ${where} ` +
        `(states: ${[...this.states.keys()].filter((k) => k !== String(TIMEOUT) && k !== String(WAITING)).join(', ') || 'none'}). ` +
        'Return one of its states, ConversationHandler.END, or nothing to stay in the current state.',
      returned,
    );
  }

  #parentState(returned: unknown): P | undefined {
    if (this.mapToParent === undefined || !isStateValue(returned)) return undefined;
    return this.mapToParent.get(String(returned));
  }

  /** Moves a conversation on: END (or a mapped value) removes it, nothing keeps it, a state sets it. */
  #setState(key: ConversationKey, state: unknown): void {
    if (state === END) {
      if (this.#conversations.delete(key)) {
        this.#markChanged(key);
        if (this.persistent) noteConversationState(this.name as string, key, null);
      }
      return;
    }
    if (!isStateValue(state)) return;
    this.#conversations.set(key, state);
    this.#markChanged(key);
    if (this.persistent) noteConversationState(this.name as string, key, state);
  }

  #markChanged(key: ConversationKey): void {
    if (this.persistent) this.#changed.add(key);
  }

  #cancelTimeout(key: ConversationKey): void {
    const job = this.#timeoutJobs.get(key);
    if (job === undefined) return;
    this.#timeoutJobs.delete(key);
    job.scheduleRemoval();
  }

  /** Schedules the timeout of a conversation that (still) runs after this update. */
  #scheduleTimeout(key: ConversationKey, update: Update, application: Application<C>, context: C): void {
    const seconds = this.conversationTimeout;
    if (seconds === undefined) return;
    const entry = this.#conversations.get(key);
    if (entry === undefined || entry instanceof PendingState) return;
    const queue = application.jobQueue;
    if (queue === null) {
      this.#warnOnce(
        'conversationTimeout is ignored: the application has no job queue. Do not build it with jobQueue(null) to time conversations out.',
      );
      return;
    }
    if (!queue.running) {
      this.#warnOnce(
        "conversationTimeout is ignored: the application's job queue is not running (Application.start() starts it).",
      );
      return;
    }
    this.#cancelTimeout(key);
    try {
      const job: Job<C> = queue.runOnce(() => this.#expire(key, job, update, application, context), seconds, {
        data: { conversation: this.name ?? null, key },
        name: `ConversationHandler${this.name === undefined ? '' : `:${this.name}`}:timeout:${key}`,
      });
      this.#timeoutJobs.set(key, job);
    } catch (error) {
      application.logger.error('Scheduling the conversation timeout failed.', error);
    }
  }

  /** A conversation timed out: the TIMEOUT handlers that take the last update run, then it ends. */
  async #expire(
    key: ConversationKey,
    job: Job<C>,
    update: Update,
    application: Application<C>,
    context: C,
  ): Promise<void> {
    if (this.#timeoutJobs.get(key) !== job) return;
    this.#timeoutJobs.delete(key);
    try {
      for (const handler of this.states.get(String(TIMEOUT)) ?? []) {
        const check = handler.checkUpdate(update);
        if (check === undefined || check === null || check === false) continue;
        try {
          await handler.handleUpdate(update as never, application, check, context);
        } catch (error) {
          if (error instanceof ApplicationHandlerStop) {
            this.#warnOnce(
              'ApplicationHandlerStop in a TIMEOUT handler of a ConversationHandler has no effect.',
            );
          } else {
            await application.processError(update, error);
          }
        }
      }
    } finally {
      this.#setState(key, END);
    }
  }

  /**
   * Reads this conversation's stored states (when `persistent`) and those of the nested
   * persistent conversations. The application calls it once, in `initialize()`.
   */
  async loadPersisted(persistence: BasePersistence<unknown, unknown, unknown>): Promise<void> {
    if (this.persistent) {
      const stored = await persistence.getConversations(this.name as string);
      for (const [key, state] of stored) {
        if (state === END) {
          this.#conversations.delete(key);
          this.#changed.add(key);
          continue;
        }
        if (!this.#isState(state)) {
          this.#warnOnce(
            `The stored conversations of "${this.name}" hold ${describe(state)}, which is not one of its states: ` +
              'such conversations answer only to entry points (with allowReentry) and fallbacks.',
          );
        }
        this.#conversations.set(key, state);
      }
    }
    for (const child of this.#children) await child.loadPersisted(persistence);
  }

  /**
   * Writes the conversations whose state changed since the last call (an ended one as `null`),
   * then those of the nested conversations. A conversation whose non-blocking callback still runs
   * is written with its state from before the callback, and written again once it settled: after
   * a restart it resumes where it was before that update.
   */
  async storePersisted(persistence: BasePersistence<unknown, unknown, unknown>): Promise<void> {
    if (this.persistent) {
      const name = this.name as string;
      const keys = [...this.#changed];
      this.#changed.clear();
      for (const key of keys) {
        const entry = this.#conversations.get(key);
        if (entry instanceof PendingState) {
          this.#changed.add(key);
          await persistence.updateConversation(name, key, entry.oldState ?? null);
        } else {
          await persistence.updateConversation(name, key, entry ?? null);
        }
      }
    }
    for (const child of this.#children) await child.storePersisted(persistence);
  }
}
