/**
 * PTB's helpers on small objects: what changed in a ChatMemberUpdated, permission and rights
 * presets, a birthdate as a Date, names and links of shared users and chats, reposting a story.
 */
import { TYPES } from '../generated/metadata.js';
import {
  Birthdate,
  ChatAdministratorRights,
  type ChatAdministratorRightsInit,
  type ChatMember,
  ChatMemberUpdated,
  ChatPermissions,
  type ChatPermissionsInit,
  ChatShared,
  SharedUser,
  Story,
} from '../generated/types.js';
import type { CallSettings } from '../request/types.js';
import { defineBehaviour } from './behaviour.js';
import type { OptionsAt, ParamsOf, Resolves } from './id-shortcut.js';
import { fullNameOf, linkOf, nameOf } from './naming.js';

/** Data field names of one ChatMember variant (no methods). */
type FieldsOf<M> = {
  [K in keyof M]-?: K extends 'apiKwargs' ? never : M[K] extends (...args: never[]) => unknown ? never : K;
}[keyof M];

/** Every field name any ChatMember variant has. */
export type ChatMemberField = ChatMember extends infer M ? (M extends unknown ? FieldsOf<M> : never) : never;

/** The type of field `K` on the ChatMember variants that have it. */
export type ChatMemberFieldValue<K extends ChatMemberField> = ChatMember extends infer M
  ? M extends unknown
    ? K extends keyof M
      ? M[K]
      : never
    : never
  : never;

/** What changed between the old and the new member: field name → `[old, new]`, `undefined` where a side lacks the field. */
export type ChatMemberDifference = {
  readonly [K in ChatMemberField]?: readonly [
    old: ChatMemberFieldValue<K> | undefined,
    new: ChatMemberFieldValue<K> | undefined,
  ];
};

declare module '../generated/types.js' {
  interface ChatMemberUpdated {
    /**
     * The fields that differ between `old_chat_member` and `new_chat_member` (status, rights,
     * `until_date`...), each as `[old, new]`; `user` appears when any field of the user changed.
     *
     * @example update.chat_member.difference() // { status: ['member', 'administrator'], can_pin_messages: [undefined, true], ... }
     */
    difference(): ChatMemberDifference;
  }
  /** Static builders of {@link ChatPermissions}. */
  namespace ChatPermissions {
    /** Permissions with every flag `true`. */
    function allPermissions(): ChatPermissions;
    /** Permissions with every flag `false`. */
    function noPermissions(): ChatPermissions;
  }
  /** Static builders of {@link ChatAdministratorRights}. */
  namespace ChatAdministratorRights {
    /** Rights with every flag `true`. */
    function allRights(): ChatAdministratorRights;
    /** Rights with every flag `false`. */
    function noRights(): ChatAdministratorRights;
  }
  interface Birthdate {
    /**
     * The birthday as a Date at UTC midnight, in `year` if given, else in the birthdate's own year.
     * Throws when neither is known, and for days that do not exist (29 February of a common year).
     *
     * @example birthdate.toDate(2030).getUTCDay()
     */
    toDate(year?: number): Date;
  }
  interface SharedUser {
    /** `first_name last_name`, when the first name was shared. */
    readonly fullName: string | undefined;
    /** `@username` when shared, else {@link fullName}. */
    readonly name: string | undefined;
    /** `https://t.me/<username>` when the username was shared. */
    readonly link: string | undefined;
  }
  interface ChatShared {
    /** `https://t.me/<username>` when the chat's username was shared. */
    readonly link: string | undefined;
  }
  interface Story {
    /** Reposts this story to a business account: `repostStory` with `from_chat_id` and `from_story_id` filled. */
    repost(
      business_connection_id: ParamsOf<'repostStory'>[0],
      active_period: ParamsOf<'repostStory'>[3],
      options?: OptionsAt<'repostStory', 4>,
      settings?: CallSettings,
    ): Resolves<'repostStory'>;
  }
}

/** A stable text form of a JSON value, for comparing two fields. */
function key(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function memberDifference(update: ChatMemberUpdated): ChatMemberDifference {
  const before = update.old_chat_member.toJSON();
  const after = update.new_chat_member.toJSON();
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  names.delete('user');
  const oldMember = update.old_chat_member as unknown as Readonly<Record<string, unknown>>;
  const newMember = update.new_chat_member as unknown as Readonly<Record<string, unknown>>;
  const out: Record<string, readonly [unknown, unknown]> = {};
  for (const name of names) {
    if (key(before[name]) !== key(after[name])) out[name] = [oldMember[name], newMember[name]];
  }
  if (key(before.user) !== key(after.user))
    out.user = [update.old_chat_member.user, update.new_chat_member.user];
  return out as ChatMemberDifference;
}

defineBehaviour(ChatMemberUpdated, {
  difference() {
    return memberDifference(this);
  },
});

/** Every Boolean field of an API type, set to `value`. */
function flags(typeName: string, value: boolean): Record<string, boolean> {
  const meta = TYPES[typeName];
  if (meta === undefined) throw new Error(`${typeName} is not an API type`);
  const out: Record<string, boolean> = {};
  for (const field of meta.fields) {
    if (field.types.length === 1 && field.types[0] === 'Boolean') out[field.name] = value;
  }
  return out;
}

/** Installs read-only static methods on a class. */
function staticMethods(target: object, methods: Readonly<Record<string, () => unknown>>): void {
  for (const [name, method] of Object.entries(methods)) {
    if (Object.hasOwn(target, name)) throw new Error(`static ${name} is defined twice`);
    Object.defineProperty(target, name, {
      value: method,
      writable: false,
      enumerable: false,
      configurable: false,
    });
  }
}

staticMethods(ChatPermissions, {
  allPermissions: () => new ChatPermissions(flags('ChatPermissions', true) as ChatPermissionsInit),
  noPermissions: () => new ChatPermissions(flags('ChatPermissions', false) as ChatPermissionsInit),
});

staticMethods(ChatAdministratorRights, {
  allRights: () =>
    new ChatAdministratorRights(
      flags('ChatAdministratorRights', true) as unknown as ChatAdministratorRightsInit,
    ),
  noRights: () =>
    new ChatAdministratorRights(
      flags('ChatAdministratorRights', false) as unknown as ChatAdministratorRightsInit,
    ),
});

function birthday(birthdate: Birthdate, year: number | undefined): Date {
  const chosen = year ?? birthdate.year;
  if (chosen === undefined) {
    throw new RangeError('A year is needed: pass one to toDate(), the birthdate does not have one');
  }
  const date = new Date(0);
  date.setUTCFullYear(chosen, birthdate.month - 1, birthdate.day);
  if (date.getUTCMonth() !== birthdate.month - 1 || date.getUTCDate() !== birthdate.day) {
    throw new RangeError(`${chosen}-${birthdate.month}-${birthdate.day} is not a date`);
  }
  return date;
}

defineBehaviour(Birthdate, {
  toDate(year) {
    return birthday(this, year);
  },
});

defineBehaviour(SharedUser, {
  get fullName() {
    return fullNameOf(this);
  },
  get name() {
    return nameOf(this);
  },
  get link() {
    return linkOf(this);
  },
});

defineBehaviour(ChatShared, {
  get link() {
    return linkOf(this);
  },
});

defineBehaviour(Story, {
  repost(business_connection_id, active_period, options, settings) {
    return this.getBot().repostStory(
      business_connection_id,
      this.chat.id,
      this.id,
      active_period,
      options,
      settings,
    );
  },
});
