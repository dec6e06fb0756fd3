/**
 * Handles `poll_answer` updates (a user voted in a non-anonymous poll).
 */
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { CallbackOf, HandlerOptions } from './base.js';
import type { UpdateWith } from './common.js';
import { UpdateKindHandler } from './kind.js';

/**
 * The update a PollAnswerHandler callback sees: `poll_answer` present (a vote may come from a chat, so no user is guaranteed).
 *
 * @example
 * ```ts
 * const onVote = (update: PollAnswerUpdate) => log(update.poll_answer.option_ids);
 * ```
 */
export type PollAnswerUpdate = UpdateWith<'poll_answer'>;

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
  constructor(
    callback: CallbackOf<PollAnswerUpdate, UpdateContext<PollAnswerUpdate, C>, R>,
    options: HandlerOptions = {},
  ) {
    super('poll_answer', callback, options);
  }
}
