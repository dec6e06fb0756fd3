/**
 * Handles `poll_answer` updates (a user voted in a non-anonymous poll).
 */
import type { AnyContext, CallbackContext } from '../context.js';
import type { HandlerCallback, HandlerOptions } from './base.js';
import type { UpdateWith } from './common.js';
import { UpdateKindHandler } from './kind.js';

/**
 * Handles `poll_answer` updates (a user voted in a non-anonymous poll).
 *
 * @example
 * ```ts
 * app.addHandler(new PollAnswerHandler((update) => console.log(update.poll_answer.option_ids)));
 * ```
 */
export class PollAnswerHandler<C extends AnyContext = CallbackContext, R = unknown> extends UpdateKindHandler<
  'poll_answer',
  C,
  R
> {
  constructor(callback: HandlerCallback<UpdateWith<'poll_answer'>, C, R>, options: HandlerOptions = {}) {
    super('poll_answer', callback, options);
  }
}
