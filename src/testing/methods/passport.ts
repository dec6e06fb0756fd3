/** Telegram Passport: the errors a bot reports about the data a user shared. */
import type { Json } from '../state/records.js';
import type { Handler } from './call.js';
import { int } from './call.js';

/** Passport methods. */
export const passportMethods: Record<string, Handler> = {
  // The user's app would show these on the elements; tests read them through the control API.
  setPassportDataErrors: (call) => {
    const userId = int(call.params, 'user_id') ?? 0;
    call.world.user(userId);
    const errors = (call.params.errors as Json[] | undefined) ?? [];
    call.bot.passportErrors ??= new Map();
    call.bot.passportErrors.set(userId, errors);
    return true;
  },
};
