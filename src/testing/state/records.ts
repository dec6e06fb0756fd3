/** The records the emulator keeps in memory: bots, users, chats, members, messages, files. */
import type { KeyObject } from 'node:crypto';

/** A JSON object as the Bot API shows it. */
export type Json = Record<string, unknown>;

/** A simulated Telegram user (a person, not a bot). */
export interface UserRecord {
  readonly id: number;
  readonly first_name: string;
  readonly last_name?: string;
  readonly username?: string;
  readonly language_code?: string;
  readonly is_premium?: boolean;
}

/** One update waiting for its bot. */
export interface QueuedUpdate {
  readonly update_id: number;
  readonly type: string;
  readonly json: Json;
}

/** Webhook settings and delivery state of a bot. */
export interface WebhookState {
  url: string;
  secretToken: string | undefined;
  maxConnections: number;
  ipAddress: string | undefined;
  lastErrorDate: number | undefined;
  lastErrorMessage: string | undefined;
  inFlight: number;
}

/** An emulated bot account with its update queue. */
export interface BotRecord {
  readonly id: number;
  readonly token: string;
  readonly username: string;
  firstName: string;
  canJoinGroups: boolean;
  canReadAllGroupMessages: boolean;
  supportsInlineQueries: boolean;
  readonly queue: QueuedUpdate[];
  nextUpdateId: number;
  /** `allowed_updates` as last set by getUpdates or setWebhook; undefined: Telegram's default. */
  allowedUpdates: readonly string[] | undefined;
  webhook: WebhookState | undefined;
  /** The request id of the getUpdates call currently waiting, if any. */
  activePoll: number | undefined;
  readonly commands: Map<string, Json[]>;
  readonly properties: Map<string, unknown>;
  /** Users who blocked the bot. */
  readonly blockedBy: Set<number>;
  /** The RSA public key users encrypt Telegram Passport data for, once registered. */
  passportKey?: KeyObject;
  /** The Passport errors last set for each user (setPassportDataErrors), by user id. */
  passportErrors?: Map<number, Json[]>;
}

/** Chat member statuses as the API spells them. */
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

/** A member (or former member) of a group, supergroup or channel. */
export interface MemberRecord {
  readonly userId: number;
  status: MemberStatus;
  /** Administrator rights or restrictions, as the API's boolean fields. */
  rights: Json;
  untilDate: number;
  customTitle: string | undefined;
}

/** One line of a chat's transcript. */
export interface TranscriptEntry {
  /** Order of the event across the whole emulator. */
  readonly seq: number;
  readonly kind: 'message' | 'edit' | 'delete' | 'callback_answer' | 'chat_action';
  /** The sender: a bot's or user's id. */
  readonly fromId: number;
  readonly fromBot: boolean;
  readonly fromName: string;
  readonly messageId: number | undefined;
  /** The message as the API shows it (for messages and edits). */
  readonly message: Json | undefined;
  /** A one-line description: the text, caption or the kind of content. */
  readonly summary: string;
}

/** A stored message. */
export interface MessageRecord {
  json: Json;
  readonly seq: number;
  /** The bot that sent it, if a bot did. */
  readonly botId: number | undefined;
  reactions: Map<number, Json[]>;
}

/** Chat types. */
export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

/** A chat: a private chat of one bot with one user, or a shared group, supergroup or channel. */
export interface ChatRecord {
  readonly id: number;
  readonly type: ChatType;
  /** Key in the world's chat map; private chats are per bot. */
  readonly key: string;
  title: string | undefined;
  username: string | undefined;
  description: string | undefined;
  /** For private chats: the bot and the user. */
  readonly botId: number | undefined;
  readonly userId: number | undefined;
  readonly members: Map<number, MemberRecord>;
  readonly messages: Map<number, MessageRecord>;
  nextMessageId: number;
  pinned: number[];
  permissions: Json;
  migratedTo: number | undefined;
  readonly joinRequests: Map<number, Json>;
  readonly transcript: TranscriptEntry[];
  isForum: boolean;
  /** Forum topics by message_thread_id (`closed` marks closed ones). */
  readonly topics: Map<number, { name: string; iconColor: number; closed: boolean }>;
}

/** A file the emulator stores. */
export interface FileRecord {
  readonly fileId: string;
  readonly fileUniqueId: string;
  readonly data: Buffer;
  readonly filePath: string;
  readonly fileName: string | undefined;
  readonly mimeType: string | undefined;
  /** A photo size's pixel width and height. */
  readonly width?: number;
  readonly height?: number;
  /** For a photo: every size kept of it, this one among them, smallest first. */
  readonly sizes?: readonly FileRecord[];
}

/** A poll and its votes. */
export interface PollRecord {
  json: Json;
  readonly chatKey: string;
  readonly messageId: number;
  readonly botId: number;
  readonly votes: Map<number, number[]>;
}
