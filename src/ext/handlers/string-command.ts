/**
 * `StringCommandHandler`: commands in plain strings put into the update queue (not Telegram
 * updates), e.g. from a command line or another service.
 */
import type { AnyContext, CallbackContext, CommandContext } from '../context.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';

/**
 * Handles string updates `/command arg1 arg2`: exact (case-sensitive) command, arguments split on
 * single spaces into `context.args` (always a `string[]` in the callback).
 *
 * @example
 * app.addHandler(new StringCommandHandler('reload', async (_text, context) => reload(context.args[0])));
 * await app.updateQueue.put('/reload config');
 */
export class StringCommandHandler<C extends AnyContext = CallbackContext, R = unknown> extends BaseHandler<
  string,
  C,
  R,
  string[],
  CommandContext<C>
> {
  constructor(
    readonly command: string,
    callback: CallbackOf<string, CommandContext<C>, R>,
    options: HandlerOptions = {},
  ) {
    super(callback, options);
  }

  /** The arguments when `update` is a string starting with `/command`, else `undefined`. */
  checkUpdate(update: unknown): string[] | undefined {
    if (typeof update !== 'string' || !update.startsWith('/')) return undefined;
    const words = update.slice(1).split(' ');
    return words[0] === this.command ? words.slice(1) : undefined;
  }

  /** Sets `context.args`. */
  override collectAdditionalContext(
    context: C,
    _update: string,
    _application: unknown,
    checkResult: string[],
  ): void {
    context.args = checkResult;
  }
}
