/**
 * The older spellings Telegram still honours although the Bot API docs no longer list them. Each
 * is rewritten into its current form before validation, only when the current form is absent,
 * so a bot written against an older client library behaves here as it does on Telegram.
 */
import type { MethodMeta } from '../generated/metadata.js';
import type { RequestInput } from './http/body.js';
import type { Json } from './state/records.js';

/** Method names Telegram still answers under their former spelling (lower-cased). */
const METHOD_ALIASES: Readonly<Record<string, string>> = {
  kickchatmember: 'banChatMember',
  getchatmemberscount: 'getChatMemberCount',
  setstickersetthumb: 'setStickerSetThumbnail',
};

/** The current name of a method called by a former name, or undefined. */
export function currentMethodName(name: string): string | undefined {
  return METHOD_ALIASES[name.toLowerCase()];
}

/**
 * How Telegram reads a top-level boolean parameter: lower-cased and trimmed, `true`, `yes` and
 * `1` are true and anything else is false; it is never an error.
 */
export function apiBool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase().trim();
  return text === 'true' || text === 'yes' || text === '1';
}

/** A message id read as Telegram reads one: the leading integer, 0 when there is none. */
function legacyInt(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : 0;
  const match = /^-?\d+/.exec(String(value));
  return match === null ? 0 : Number(match[0]);
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON-serialized parameter decoded when it can be; left as it is otherwise (validation reports it). */
function decoded(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** `reply_to_message_id` and `allow_sending_without_reply` when `reply_parameters` is not sent. */
function legacyReply(params: Json): void {
  if ('reply_parameters' in params || !present(params.reply_to_message_id)) return;
  const messageId = legacyInt(params.reply_to_message_id);
  if (messageId <= 0) return;
  const reply: Json = { message_id: messageId };
  if (present(params.allow_sending_without_reply) && apiBool(params.allow_sending_without_reply)) {
    reply.allow_sending_without_reply = true;
  }
  params.reply_parameters = reply;
}

/** `disable_web_page_preview=true` becomes `link_preview_options.is_disabled`. */
function legacyPreview(params: Json): void {
  if (present(params.link_preview_options) || !present(params.disable_web_page_preview)) return;
  if (apiBool(params.disable_web_page_preview)) params.link_preview_options = { is_disabled: true };
}

/** Poll options given as plain strings, and a quiz's single `correct_option_id`. */
function legacyPoll(params: Json): void {
  const options = decoded(params.options);
  if (Array.isArray(options)) {
    params.options = options.map((option) => (typeof option === 'string' ? { text: option } : option));
  }
  if (!('correct_option_ids' in params) && present(params.correct_option_id)) {
    const id = /^\s*-?\d+\s*$/.test(String(params.correct_option_id)) ? Number(params.correct_option_id) : -1;
    params.correct_option_ids = [id];
  }
}

const THUMB_FIELDS: readonly (readonly [string, string])[] = [
  ['thumb_url', 'thumbnail_url'],
  ['thumb_width', 'thumbnail_width'],
  ['thumb_height', 'thumbnail_height'],
  ['thumb_mime_type', 'thumbnail_mime_type'],
];

/** One inline result: `thumb_*` fields and text content given as fields of the result itself. */
function legacyInlineResult(result: Json): Json {
  const out: Json = { ...result };
  if (!THUMB_FIELDS.some(([, current]) => current in out)) {
    for (const [old, current] of THUMB_FIELDS) {
      if (out[old] !== undefined) out[current] = out[old];
    }
  }
  if (out.input_message_content === undefined && typeof out.message_text === 'string') {
    const content: Json = { message_text: out.message_text };
    for (const key of ['parse_mode', 'entities', 'disable_web_page_preview']) {
      if (out[key] !== undefined) content[key] = out[key];
    }
    out.input_message_content = content;
  }
  const content = out.input_message_content;
  if (
    isObject(content) &&
    typeof content.message_text === 'string' &&
    content.link_preview_options === undefined &&
    content.disable_web_page_preview === true
  ) {
    out.input_message_content = { ...content, link_preview_options: { is_disabled: true } };
  }
  return out;
}

function legacyInlineAnswer(params: Json): void {
  const results = decoded(params.results);
  if (Array.isArray(results)) {
    params.results = results.map((result) => (isObject(result) ? legacyInlineResult(result) : result));
  }
  if (!present(params.button) && typeof params.switch_pm_text === 'string' && params.switch_pm_text !== '') {
    const start = params.switch_pm_parameter;
    params.button = { text: params.switch_pm_text, start_parameter: typeof start === 'string' ? start : '' };
  }
}

const MEDIA_PERMISSIONS = [
  'can_send_audios',
  'can_send_documents',
  'can_send_photos',
  'can_send_videos',
  'can_send_video_notes',
  'can_send_voice_notes',
];

/** `can_send_media_messages` in ChatPermissions stands for each of the media permissions. */
function legacyPermissions(params: Json): void {
  const permissions = decoded(params.permissions);
  if (!isObject(permissions) || typeof permissions.can_send_media_messages !== 'boolean') return;
  if (MEDIA_PERMISSIONS.some((name) => name in permissions)) return;
  const media = permissions.can_send_media_messages;
  const out: Json = { ...permissions };
  for (const name of MEDIA_PERMISSIONS) out[name] = media;
  const independent = present(params.use_independent_chat_permissions)
    ? apiBool(params.use_independent_chat_permissions)
    : false;
  if (media && !independent) out.can_send_messages = true;
  params.permissions = out;
}

/** `request_user` on a reply keyboard button is read as `request_users`. */
function legacyKeyboard(params: Json): void {
  const markup = decoded(params.reply_markup);
  if (!isObject(markup) || !Array.isArray(markup.keyboard)) return;
  let changed = false;
  const keyboard = markup.keyboard.map((row: unknown) =>
    Array.isArray(row)
      ? row.map((button: unknown) => {
          if (!isObject(button) || button.request_user === undefined || button.request_users !== undefined) {
            return button;
          }
          changed = true;
          const { request_user: requestUser, ...rest } = button;
          return { ...rest, request_users: requestUser };
        })
      : row,
  );
  if (changed) params.reply_markup = { ...markup, keyboard };
}

/**
 * Returns the request with the older spellings the method still accepts rewritten into their
 * current form; the input itself is not changed.
 */
export function modernizeInput(method: MethodMeta, input: RequestInput): RequestInput {
  const params: Json = { ...input.params };
  let uploads = input.uploads;
  const takes = (name: string): boolean => method.params.some((param) => param.name === name);
  if (takes('reply_parameters')) legacyReply(params);
  if (takes('link_preview_options')) legacyPreview(params);
  if (takes('reply_markup')) legacyKeyboard(params);
  if (takes('permissions')) legacyPermissions(params);
  if (method.name === 'sendPoll') legacyPoll(params);
  if (method.name === 'answerInlineQuery') legacyInlineAnswer(params);
  if (method.name === 'promoteChatMember' && !present(params.can_manage_video_chats)) {
    if (present(params.can_manage_voice_chats)) params.can_manage_video_chats = params.can_manage_voice_chats;
  }
  if (takes('thumbnail') && !present(params.thumbnail) && !uploads.has('thumbnail')) {
    const upload = uploads.get('thumb');
    if (upload !== undefined) {
      uploads = new Map(uploads);
      uploads.set('thumbnail', upload);
    } else if (present(params.thumb)) {
      params.thumbnail = params.thumb;
    }
  }
  return { params, uploads };
}
