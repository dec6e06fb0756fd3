/**
 * `CommandHandler`: runs its callback for `/command` messages, with the words after the command
 * in `context.args`.
 */
import type { Bot } from '../../bot.js';
import { type Message, Update } from '../../generated/types.js';
import type { AnyContext, CallbackContext, CommandContext, UpdateContext } from '../context.js';
import { type BaseFilter, passed } from '../filters/base.js';
import type { FilteredUpdate, FilterResult, Has } from '../filters/types.js';
import { type SlotUpdate, UpdateType } from '../filters/updates.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';

/** What the command handlers hand from their check to the context: the arguments and filter data. */
export type CommandCheck = readonly [args: string[], filterResult: FilterResult];

/** The updates of new or edited messages: the default filter of the command handlers. */
export type MessagesUpdate = SlotUpdate<'message' | 'edited_message'>;

/**
 * The update a CommandHandler callback sees: its message has text and entities; `U` is what the
 * handler's filters let through (default: new and edited messages).
 *
 * @example
 * ```ts
 * async function onStart(update: CommandUpdate, context: CommandContext): Promise<void> {
 *   await update.effectiveMessage.replyText(`args: ${context.args.join(' ')}`);
 * }
 * ```
 */
export type CommandUpdate<U extends Update = MessagesUpdate> = U & FilteredUpdate<Has<'text' | 'entities'>>;

/**
 * The context a CommandHandler callback sees: `args` set, and `chatData` present (a command
 * message always has a chat; `userData` too when the filters guarantee a sender).
 */
export type CommandHandlerContext<
  U extends Update = MessagesUpdate,
  C extends AnyContext = CallbackContext,
> = CommandContext<UpdateContext<CommandUpdate<U>, C>>;

/** Options of {@link CommandHandler}. */
export interface CommandHandlerOptions<U extends Update> extends HandlerOptions {
  /** Filters the update must pass too; default `filters.UpdateType.MESSAGES` (new and edited messages). */
  readonly filters?: BaseFilter<U> | undefined;
  /**
   * `true`: only with arguments; `false`: only without; a number: exactly that many. Default: any.
   */
  readonly hasArgs?: boolean | number | undefined;
  /**
   * The bot's username for `/command@username`; default: the username of the bot the update
   * belongs to, read at check time. Without either, only commands without `@username` match.
   */
  readonly botUsername?: string | undefined;
}

const VALID_COMMAND = /^[\da-z_]{1,32}$/;
const WHITESPACE = /\s+/;

/** Lowercases and validates command names as the Bot API allows them (1-32 of `a-z`, `0-9`, `_`). */
export function validCommands(command: string | Iterable<string>): ReadonlySet<string> {
  const names = typeof command === 'string' ? [command] : Array.from(command);
  const out = new Set<string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (!VALID_COMMAND.test(lower)) throw new Error(`Command \`${lower}\` is not a valid bot command`);
    out.add(lower);
  }
  return out;
}

/** The words of a text split on runs of whitespace (Python's `str.split()`). */
export function splitWords(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(WHITESPACE);
}

/**
 * The username of the bot a message belongs to, or `undefined` when the message has no bot or the
 * bot has no username. Throws while the bot's user is not known yet (before `initialize()`): the
 * command would silently never match, as python-telegram-bot refuses too.
 */
function botUsernameOf(message: Message, command: string): string | undefined {
  let bot: Bot;
  try {
    bot = message.getBot();
  } catch {
    return undefined;
  }
  try {
    return bot.username;
  } catch (cause) {
    if (userKnown(bot)) return undefined;
    throw new Error(
      `CommandHandler cannot tell whether '/${command}' is addressed to this bot: its username is not known yet. ` +
        'Call `await app.initialize()` before processing updates yourself (runPolling and runWebhook do), ' +
        'or give the handler { botUsername }',
      { cause },
    );
  }
}

function userKnown(bot: Bot): boolean {
  try {
    return bot.botUser !== undefined;
  } catch {
    return false;
  }
}

/**
 * Handles messages starting with one of its commands: `/start`, `/start@my_bot` (only this bot's
 * username), case-insensitive, with the rest of the text split on whitespace in `context.args`.
 * By default new and edited messages; not channel posts and not commands in captions (use a
 * MessageHandler with `filters.Regex` for those).
 *
 * @example
 * app.addHandler(new CommandHandler('start', async (update, context) => {
 *   await update.effectiveMessage.replyText(`Hello! args: ${context.args.join(' ')}`);
 * }));
 */
export class CommandHandler<
  U extends Update = MessagesUpdate,
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends BaseHandler<CommandUpdate<NoInfer<U>>, C, R, CommandCheck, CommandHandlerContext<NoInfer<U>, C>> {
  /** The commands handled, lowercase. */
  readonly commands: ReadonlySet<string>;
  /** The filters an update must pass too. */
  readonly filters: BaseFilter<U>;
  /** The argument requirement (see {@link CommandHandlerOptions.hasArgs}). */
  readonly hasArgs: boolean | number | undefined;
  /** The username given at construction, if any. */
  readonly botUsername: string | undefined;

  constructor(
    command: string | Iterable<string>,
    callback: CallbackOf<CommandUpdate<U>, CommandHandlerContext<U, C>, R>,
    options: CommandHandlerOptions<U> = {},
  ) {
    super(callback, options);
    this.commands = validCommands(command);
    this.filters = options.filters ?? (UpdateType.MESSAGES as BaseFilter<Update> as BaseFilter<U>);
    const hasArgs = options.hasArgs;
    if (typeof hasArgs === 'number' && !(Number.isInteger(hasArgs) && hasArgs >= 0)) {
      throw new RangeError('CommandHandler argument hasArgs cannot be a negative or fractional number');
    }
    this.hasArgs = hasArgs;
    this.botUsername = options.botUsername?.replace(/^@/, '');
  }

  /**
   * `undefined` when the update is no command of this handler; `false` when it is but the filters
   * reject it; else the arguments and the filter result.
   */
  checkUpdate(update: unknown): CommandCheck | false | undefined {
    if (!(update instanceof Update)) return undefined;
    const message = update.effectiveMessage;
    if (message === undefined) return undefined;
    const first = message.entities?.[0];
    const text = message.text;
    if (first === undefined || first.type !== 'bot_command' || first.offset !== 0 || !text) return undefined;
    const command = text.slice(1, first.length);
    const at = command.indexOf('@');
    const name = at === -1 ? command : command.slice(0, at);
    if (!this.commands.has(name.toLowerCase())) return undefined;
    if (at !== -1) {
      const addressed = command.slice(at + 1).split('@', 1)[0] as string;
      const own = this.botUsername ?? botUsernameOf(message, command);
      if (own === undefined || addressed.toLowerCase() !== own.toLowerCase()) return undefined;
    }
    const args = splitWords(text).slice(1);
    if (!this.#argsFit(args)) return undefined;
    const result = this.filters.checkUpdate(update);
    return passed(result) ? [args, result] : false;
  }

  /** Sets `context.args` and copies filter data (e.g. `matches`) onto the context. */
  override collectAdditionalContext(
    context: C,
    _update: unknown,
    _application: unknown,
    checkResult: CommandCheck,
  ): void {
    context.args = checkResult[0];
    if (typeof checkResult[1] === 'object') context.update(checkResult[1]);
  }

  #argsFit(args: readonly string[]): boolean {
    const want = this.hasArgs;
    if (want === undefined) return true;
    if (want === true) return args.length > 0;
    if (want === false) return args.length === 0;
    return args.length === want;
  }
}
