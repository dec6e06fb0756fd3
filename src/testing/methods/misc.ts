/** Files, commands and reactions. */
import { badRequest } from '../errors.js';
import { fileJson } from '../state/files.js';
import type { Json } from '../state/records.js';
import type { Call, Handler } from './call.js';
import { str } from './call.js';

function commandsKey(call: Call): string {
  const scope = (call.params.scope as Json | undefined) ?? { type: 'default' };
  return JSON.stringify([
    scope.type,
    scope.chat_id ?? null,
    scope.user_id ?? null,
    str(call.params, 'language_code') ?? '',
  ]);
}

/** File, command and reaction methods. */
export const miscMethods: Record<string, Handler> = {
  getFile: (call) => {
    const file = call.world.files.get(str(call.params, 'file_id') ?? '');
    if (file === undefined) throw badRequest('invalid file_id');
    if (file.data.length > 20 * 1024 * 1024) throw badRequest('file is too big');
    return fileJson(file);
  },
  setMyCommands: (call) => {
    const commands = call.params.commands as Json[];
    if (commands.length > 100) throw badRequest('too many commands');
    for (const command of commands) {
      const name = String(command.command);
      if (!/^[a-z0-9_]{1,32}$/.test(name)) throw badRequest('BOT_COMMAND_INVALID');
      const description = String(command.description);
      if (description.length === 0 || description.length > 256)
        throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
    const stored = commands.map((command) => ({
      command: command.command,
      description: command.description,
    }));
    if (stored.length === 0) call.bot.commands.delete(commandsKey(call));
    else call.bot.commands.set(commandsKey(call), stored);
    return true;
  },
  getMyCommands: (call) => call.bot.commands.get(commandsKey(call)) ?? [],
  deleteMyCommands: (call) => {
    call.bot.commands.delete(commandsKey(call));
    return true;
  },
  setMessageReaction: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id);
    const message = call.world.message(chat, call.params.message_id, 'message to react not found');
    const reaction = (call.params.reaction as Json[] | undefined) ?? [];
    if (reaction.length > 1) throw badRequest('REACTIONS_TOO_MANY');
    message.reactions.set(call.bot.id, reaction);
    return true;
  },
};
