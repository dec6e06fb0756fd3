/**
 * Turns the JSON of one incoming update into an {@link Update}, or into a
 * {@link MalformedUpdateError} naming the field at fault. Shared by long polling, the webhook
 * server and the web-standard webhook handler.
 */

import { InvalidFieldError } from '../../base/field-check.js';
import type { Bot } from '../../bot.js';
import { Update } from '../../generated/types.js';
import { MalformedUpdateError } from '../errors.js';

/**
 * Parses one update (a getUpdates item or a webhook body). A malformed one becomes a
 * {@link MalformedUpdateError} naming the field at fault; nothing is thrown.
 *
 * @example
 * ```ts
 * const update = parseUpdate(JSON.parse(body), app.bot);
 * if (update instanceof MalformedUpdateError) console.warn(update.path);
 * else app.updateQueue.put(update);
 * ```
 */
export function parseUpdate(raw: unknown, bot: Bot): Update | MalformedUpdateError {
  try {
    return Update.fromJSON(raw, bot);
  } catch (error) {
    const path = error instanceof InvalidFieldError ? error.path : 'Update';
    return new MalformedUpdateError(path, raw, error);
  }
}
