/**
 * The custom reply keyboards users' apps show. A bot's keyboard stays until the bot replaces or
 * removes it; a one-time keyboard only collapses after a press (the app shows its letter
 * keyboard, the custom one is a tap away and still works). In groups a `selective` markup
 * reaches only the users the message mentions and the sender of the message it replies to.
 */
import type { ChatRecord, Json } from './records.js';
import type { World } from './world.js';

/** The keyboard one user's app holds in a chat. */
export interface KeyboardView {
  /** The markup as the bot sent it. */
  readonly markup: Json;
  /** True once a one-time keyboard was used: hidden behind the keyboard icon, still pressable. */
  readonly collapsed: boolean;
}

interface ChatKeyboards {
  /** What every member's app shows, unless a selective markup said otherwise for them. */
  shared: Json | undefined;
  /** Per user, what a selective markup showed (or removed, as undefined) for them. */
  readonly personal: Map<number, Json | undefined>;
  /** Users whose one-time keyboard collapsed after they used it. */
  readonly collapsed: Set<number>;
}

const keyboards = new WeakMap<ChatRecord, ChatKeyboards>();

function stateOf(chat: ChatRecord): ChatKeyboards {
  let state = keyboards.get(chat);
  if (state === undefined) {
    state = { shared: undefined, personal: new Map(), collapsed: new Set() };
    keyboards.set(chat, state);
  }
  return state;
}

/** The users a selective markup is for: those @mentioned in the message, and the author of the replied message. */
function selectedUsers(world: World, chat: ChatRecord, message: Json): Set<number> {
  const users = new Set<number>();
  const text = typeof message.text === 'string' ? message.text : String(message.caption ?? '');
  const entities = (message.entities ?? message.caption_entities ?? []) as Json[];
  for (const entity of entities) {
    if (entity.type === 'text_mention') {
      const user = entity.user as Json | undefined;
      if (typeof user?.id === 'number') users.add(user.id);
    } else if (entity.type === 'mention') {
      const name = text
        .slice(Number(entity.offset) + 1, Number(entity.offset) + Number(entity.length))
        .toLowerCase();
      for (const id of chat.members.keys()) {
        if (world.users.get(id)?.username?.toLowerCase() === name) users.add(id);
      }
    }
  }
  const replied = (message.reply_to_message as Json | undefined)?.from as Json | undefined;
  if (typeof replied?.id === 'number' && replied.is_bot !== true) users.add(replied.id);
  return users;
}

/**
 * Records the keyboard a bot's message shows (`keyboard`) or removes (`remove_keyboard`) in a
 * chat; other markups change nothing. `message` is the message sent, for `selective`.
 */
export function rememberKeyboard(
  world: World,
  chat: ChatRecord,
  markup: Json,
  message: Json | undefined,
): void {
  const shows = Array.isArray(markup.keyboard);
  if (!shows && markup.remove_keyboard !== true) return;
  const next = shows ? markup : undefined;
  const state = stateOf(chat);
  const selective = markup.selective === true && (chat.type === 'group' || chat.type === 'supergroup');
  if (!selective) {
    state.shared = next;
    state.personal.clear();
    state.collapsed.clear();
    return;
  }
  if (message === undefined) return;
  for (const userId of selectedUsers(world, chat, message)) {
    state.personal.set(userId, next);
    state.collapsed.delete(userId);
  }
}

/** The keyboard a user's app shows in a chat, or undefined when there is none. */
export function keyboardFor(chat: ChatRecord, userId: number): KeyboardView | undefined {
  const state = keyboards.get(chat);
  if (state === undefined) return undefined;
  const markup = state.personal.has(userId) ? state.personal.get(userId) : state.shared;
  if (markup === undefined) return undefined;
  return { markup, collapsed: state.collapsed.has(userId) };
}

/** After a press: a one-time keyboard collapses in the user's app (and stays available). */
export function keyboardUsed(chat: ChatRecord, userId: number): void {
  const view = keyboardFor(chat, userId);
  if (view?.markup.one_time_keyboard === true) stateOf(chat).collapsed.add(userId);
}
