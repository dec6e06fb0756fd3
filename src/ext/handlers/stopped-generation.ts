/**
 * Handles `stopped_message_generation` updates (a user stopped a streamed draft).
 */
import type { AnyContext, CallbackContext } from '../context.js';
import type { HandlerCallback, HandlerOptions } from './base.js';
import type { UpdateWith } from './common.js';
import { UpdateKindHandler } from './kind.js';

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
    callback: HandlerCallback<UpdateWith<'stopped_message_generation'>, C, R>,
    options: HandlerOptions = {},
  ) {
    super('stopped_message_generation', callback, options);
  }
}
