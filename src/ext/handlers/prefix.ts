/**
 * `PrefixHandler`: like CommandHandler, for commands with any prefixes (`!help`, `#help`).
 */
import { Update } from '../../generated/types.js';
import type { AnyContext, CallbackContext, CommandContext, UpdateContext } from '../context.js';
import { type BaseFilter, passed } from '../filters/base.js';
import type { FilteredUpdate, Has } from '../filters/types.js';
import { UpdateType } from '../filters/updates.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';
import { type CommandCheck, type MessagesUpdate, splitWords } from './command.js';

/** Options of {@link PrefixHandler}. */
export interface PrefixHandlerOptions<U extends Update> extends HandlerOptions {
  /** Filters the update must pass too; default `filters.UpdateType.MESSAGES`. */
  readonly filters?: BaseFilter<U> | undefined;
}

/**
 * The update a PrefixHandler callback sees: its message has text; `U` is what the handler's
 * filters let through (default: new and edited messages).
 *
 * @example
 * ```ts
 * const onHelp = (update: PrefixUpdate, context: CommandContext) =>
 *   update.effectiveMessage.replyText(`help on ${context.args[0] ?? 'everything'}`);
 * ```
 */
export type PrefixUpdate<U extends Update = MessagesUpdate> = U & FilteredUpdate<Has<'text'>>;

/** The context a PrefixHandler callback sees: `args` set, `chatData` present. */
export type PrefixHandlerContext<
  U extends Update = MessagesUpdate,
  C extends AnyContext = CallbackContext,
> = CommandContext<UpdateContext<PrefixUpdate<U>, C>>;

function lowerList(value: string | Iterable<string>): string[] {
  return (typeof value === 'string' ? [value] : Array.from(value)).map((s) => s.toLowerCase());
}

/**
 * Handles messages whose first word is one of its prefixes followed by one of its commands
 * (every combination, case-insensitive); the following words go to `context.args` (always a
 * `string[]` in the callback). By default new and edited messages, not channel posts.
 *
 * @example new PrefixHandler(['!', '#'], ['help', 'about'], callback) // !help, #help, !about, #about
 */
export class PrefixHandler<
  U extends Update = MessagesUpdate,
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends BaseHandler<PrefixUpdate<NoInfer<U>>, C, R, CommandCheck, PrefixHandlerContext<NoInfer<U>, C>> {
  /** Every prefix+command combination handled, lowercase. */
  readonly commands: ReadonlySet<string>;
  /** The filters an update must pass too. */
  readonly filters: BaseFilter<U>;

  constructor(
    prefix: string | Iterable<string>,
    command: string | Iterable<string>,
    callback: CallbackOf<PrefixUpdate<U>, PrefixHandlerContext<U, C>, R>,
    options: PrefixHandlerOptions<U> = {},
  ) {
    super(callback, options);
    const commands = lowerList(command);
    const combined = new Set<string>();
    for (const p of lowerList(prefix)) for (const c of commands) combined.add(p + c);
    this.commands = combined;
    this.filters = options.filters ?? (UpdateType.MESSAGES as BaseFilter<Update> as BaseFilter<U>);
  }

  /**
   * `undefined` when the update does not start with one of the commands; `false` when it does but
   * the filters reject it; else the arguments and the filter result.
   */
  checkUpdate(update: unknown): CommandCheck | false | undefined {
    if (!(update instanceof Update)) return undefined;
    const text = update.effectiveMessage?.text;
    if (!text) return undefined;
    const words = splitWords(text);
    const first = words[0];
    if (first === undefined || !this.commands.has(first.toLowerCase())) return undefined;
    const result = this.filters.checkUpdate(update);
    return passed(result) ? [words.slice(1), result] : false;
  }

  /** Sets `context.args` and copies filter data onto the context. */
  override collectAdditionalContext(
    context: C,
    _update: unknown,
    _application: unknown,
    checkResult: CommandCheck,
  ): void {
    context.args = checkResult[0];
    if (typeof checkResult[1] === 'object') context.update(checkResult[1]);
  }
}
