/**
 * What a ConversationHandler's configuration tells before any update arrives: the handlers that
 * can never fire in it (PTB's construction warnings), the options checked into their run-time
 * form, and the lookup of the handler that takes an update.
 */
import { Update } from '../../generated/types.js';
import type { AnyContext } from '../context.js';
import { type AnyHandler, BaseHandler } from './base.js';
import { CallbackQueryHandler } from './callback-query.js';
import { ChosenInlineResultHandler } from './chosen-inline-result.js';
import { InlineQueryHandler } from './inline-query.js';
import { PollHandler } from './poll.js';
import { PollAnswerHandler } from './poll-answer.js';
import { PreCheckoutQueryHandler } from './pre-checkout-query.js';
import { ShippingQueryHandler } from './shipping-query.js';
import { StringCommandHandler } from './string-command.js';
import { StringRegexHandler } from './string-regex.js';
import { TypeHandler } from './type.js';

/** The settings the checks read. */
export interface ConversationSettings {
  readonly perChat: boolean;
  readonly perUser: boolean;
  readonly perMessage: boolean;
  readonly hasTimeout: boolean;
}

const END_KEY = '-1';

const PER_SETTINGS_NOTE =
  ' (perChat, perUser and perMessage choose which ids a conversation is keyed by: see ConversationHandler in the README.)';

/** Handlers whose updates name a user but never a chat. */
const USER_ONLY: readonly (abstract new (...args: never[]) => unknown)[] = [
  ShippingQueryHandler,
  InlineQueryHandler,
  ChosenInlineResultHandler,
  PreCheckoutQueryHandler,
  PollAnswerHandler,
];

function nameOf(handler: object): string {
  return handler.constructor.name;
}

/**
 * The warnings a conversation with these handlers and settings deserves, each message once, in
 * PTB's order of checks (one per handler, the first that applies, plus the nested timeout one).
 */
export function configurationWarnings<C extends AnyContext>(
  handlers: readonly AnyHandler<C>[],
  settings: ConversationSettings,
  isConversation: (handler: AnyHandler<C>) => boolean,
): string[] {
  const messages = new Set<string>();
  if (settings.perMessage && !settings.perChat) {
    messages.add('With perMessage: true, use perChat: true too: message ids are only unique within a chat.');
  }
  for (const handler of handlers) {
    const message = handlerWarning(handler, settings);
    if (message !== undefined) messages.add(message);
    if (settings.hasTimeout && isConversation(handler)) {
      messages.add(
        'conversationTimeout with nested conversations is not supported: the timeout of the outer ' +
          'conversation does not follow what happens in the nested one. Give the nested conversation ' +
          'its own conversationTimeout instead.',
      );
    }
  }
  return [...messages];
}

function handlerWarning<C extends AnyContext>(
  handler: AnyHandler<C>,
  settings: ConversationSettings,
): string | undefined {
  if (handler instanceof StringCommandHandler || handler instanceof StringRegexHandler) {
    return `A ConversationHandler only handles Update objects; ${nameOf(handler)} handles strings, so it never fires in a conversation.`;
  }
  if (handler instanceof TypeHandler && !isUpdateClass(handler.type)) {
    return `A ConversationHandler only handles Update objects; this TypeHandler handles ${String((handler.type as { name?: unknown }).name)}, so it never fires in a conversation.`;
  }
  if (handler instanceof PollHandler) {
    return 'A PollHandler never fires in a conversation: poll updates name neither a chat nor a user. Did you mean PollAnswerHandler?';
  }
  if (settings.perChat && USER_ONLY.some((cls) => handler instanceof cls)) {
    return `${nameOf(handler)} updates name a user but no chat, so it never fires in a conversation with perChat: true.${PER_SETTINGS_NOTE}`;
  }
  if (settings.perMessage && !(handler instanceof CallbackQueryHandler)) {
    return `With perMessage: true every entry point, state handler and fallback must be a CallbackQueryHandler: other updates have no message to key by (${nameOf(handler)} is not one).${PER_SETTINGS_NOTE}`;
  }
  if (!settings.perMessage && handler instanceof CallbackQueryHandler) {
    return `With perMessage: false, a CallbackQueryHandler is not tracked per message: button presses on any message of the chat continue the same conversation.${PER_SETTINGS_NOTE}`;
  }
  return undefined;
}

function isUpdateClass(type: unknown): boolean {
  return type === Update || (typeof type === 'function' && type.prototype instanceof Update);
}

/** The first handler that takes the update, with its check result. */
export function firstTaking<C extends AnyContext>(
  handlers: readonly AnyHandler<C>[],
  update: Update,
): { handler: AnyHandler<C>; check: unknown } | undefined {
  for (const handler of handlers) {
    const check = handler.checkUpdate(update);
    if (check !== undefined && check !== null && check !== false) return { handler, check };
  }
  return undefined;
}

/** A list option (entryPoints, fallbacks, a state's handlers) checked to hold handlers. */
export function handlerList<C extends AnyContext>(value: unknown, option: string): readonly AnyHandler<C>[] {
  if (!Array.isArray(value)) throw new TypeError(`ConversationHandler ${option} must be a list of handlers`);
  for (const handler of value) {
    if (!(handler instanceof BaseHandler)) {
      throw new TypeError(
        `ConversationHandler ${option} must hold handlers (BaseHandler instances), got ${String(handler)}`,
      );
    }
  }
  return [...(value as AnyHandler<C>[])];
}

/** `states` as a map by key text; END cannot be a state. */
export function stateMap<C extends AnyContext>(
  states: unknown,
): ReadonlyMap<string, readonly AnyHandler<C>[]> {
  if (typeof states !== 'object' || states === null || Array.isArray(states)) {
    throw new TypeError('ConversationHandler states must be an object: { [state]: [handlers...] }');
  }
  const map = new Map<string, readonly AnyHandler<C>[]>();
  for (const [key, handlers] of Object.entries(states)) {
    if (key === END_KEY) {
      throw new TypeError(
        'ConversationHandler.END (-1) cannot be a state: it is what callbacks return to end',
      );
    }
    map.set(key, handlerList<C>(handlers, `states[${JSON.stringify(key)}]`));
  }
  return map;
}

/** `conversationTimeout` checked: a positive finite number of seconds. */
export function timeoutSeconds(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`conversationTimeout must be a positive number of seconds, got ${String(value)}`);
  }
  return value;
}
