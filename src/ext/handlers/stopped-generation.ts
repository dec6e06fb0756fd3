/**
 * Handles `stopped_message_generation` updates (a user stopped a streamed draft).
 */
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { CallbackOf, HandlerOptions } from './base.js';
import type { UpdateWith } from './common.js';
import { UpdateKindHandler } from './kind.js';

/**
 * The update a MessageGenerationStoppedHandler callback sees: `stopped_message_generation` and `effectiveChat` present.
 *
 * @example
 * ```ts
 * const onStopped = (update: MessageGenerationStoppedUpdate) => log(update.stopped_message_generation.draft_id);
 * ```
 */
export type MessageGenerationStoppedUpdate = UpdateWith<'stopped_message_generation'>;

/**
 * Handles `stopped_message_generation` updates (a user stopped a streamed draft).
 *
 * @example
 * ```ts
 * app.addHandler(new MessageGenerationStoppedHandler((update) => stop(update.stopped_message_generation.draft_id)));
 * ```
 */
export class MessageGenerationStoppedHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends UpdateKindHandler<'stopped_message_generation', C, R> {
  constructor(
    callback: CallbackOf<MessageGenerationStoppedUpdate, UpdateContext<MessageGenerationStoppedUpdate, C>, R>,
    options: HandlerOptions = {},
  ) {
    super('stopped_message_generation', callback, options);
  }
}
