/**
 * Turns the JSON of one incoming update into an {@link Update}, or into a
 * {@link MalformedUpdateError} naming the field at fault. Shared by long polling, the webhook
 * server and the web-standard webhook handler; an {@link ExtBot} with arbitrary callback data
 * restores the buttons' data here.
 */

import { InvalidFieldError } from '../../base/field-check.js';
import type { Bot } from '../../bot.js';
import { Update } from '../../generated/types.js';
import { MalformedUpdateError } from '../errors.js';
import { ExtBot } from '../ext-bot.js';

/**
 * Parses one update (a getUpdates item or a webhook body). A malformed one becomes a
 * {@link MalformedUpdateError} naming the field at fault; nothing is thrown. `where` names the
 * value in messages when it is not an object at all (e.g. `getUpdates result[2]`).
 *
 * @example
 * ```ts
 * const update = parseUpdate(JSON.parse(body), app.bot);
 * if (update instanceof MalformedUpdateError) console.warn(update.path);
 * else app.updateQueue.put(update);
 * ```
 */
export function parseUpdate(raw: unknown, bot: Bot, where = 'Update'): Update | MalformedUpdateError {
  try {
    // Arbitrary callback data: the buttons' data is restored before the update is built.
    if (bot instanceof ExtBot) bot.insertCallbackData(raw);
    return Update.fromJSON(raw, bot);
  } catch (error) {
    if (!(error instanceof InvalidFieldError)) return new MalformedUpdateError('Update', raw, error);
    if (error.path === 'Update' && where !== 'Update') {
      // The path stays `Update`; the message says where the value was.
      const placed = new InvalidFieldError('Update', 'an Update object', raw);
      placed.message = `${where}${placed.message.slice('Update'.length)}`;
      return new MalformedUpdateError('Update', raw, placed);
    }
    return new MalformedUpdateError(error.path, raw, error);
  }
}
