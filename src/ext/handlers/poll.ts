/**
 * Handles `poll` updates (a poll the bot sent or a quiz changed state).
 */
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { CallbackOf, HandlerOptions } from './base.js';
import type { UpdateWith } from './common.js';
import { UpdateKindHandler } from './kind.js';

/**
 * The update a PollHandler callback sees: `poll` present.
 *
 * @example
 * ```ts
 * const onPoll = (update: PollUpdate) => log(update.poll.total_voter_count);
 * ```
 */
export type PollUpdate = UpdateWith<'poll'>;

/**
 * Handles `poll` updates (a poll the bot sent or a quiz changed state).
 *
 * @example
 * ```ts
 * app.addHandler(new PollHandler((update) => console.log(update.poll.total_voter_count)));
 * ```
 */
export class PollHandler<C extends AnyContext = CallbackContext, R = unknown> extends UpdateKindHandler<
  'poll',
  C,
  R
> {
  constructor(
    callback: CallbackOf<PollUpdate, UpdateContext<PollUpdate, C>, R>,
    options: HandlerOptions = {},
  ) {
    super('poll', callback, options);
  }
}
