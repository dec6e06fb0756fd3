import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import * as constants from '../src/constants.js';
import { effectiveMessageType } from '../src/helpers-message.js';
import {
  Chat,
  ChatMember,
  ChatPhoto,
  Dice,
  InlineKeyboardButton,
  InlineQuery,
  METHODS,
  Message,
  MessageEntity,
  MessageOrigin,
  Poll,
  ReactionType,
  Sticker,
  TYPES,
  UPDATE_TYPES,
  Update,
} from '../src/index.js';
import '../src/objects/properties.js';
import { PROJECT_ROOT, spec } from './helpers/spec.js';

function values(object: object): unknown[] {
  return Object.values(object);
}

function sorted(items: Iterable<unknown>): unknown[] {
  return [...new Set(items)].map(String).sort();
}

/** The discriminator values of an API union, from the generated metadata. */
function variantsOf(union: string): string[] {
  const meta = TYPES[union];
  assert.ok(meta?.subtypes && meta.discriminator, union);
  return meta.subtypes.map((name) => {
    const value = TYPES[name]?.fields.find((f) => f.name === meta.discriminator)?.value;
    assert.ok(value !== undefined, `${name}.${meta.discriminator}`);
    return value;
  });
}

/** The "quoted" values the spec lists in a field's description. */
function listedIn(typeName: string, field: string): string[] {
  const description = spec().types[typeName]?.fields?.find((f) => f.name === field)?.description;
  assert.ok(description !== undefined, `${typeName}.${field}`);
  return [...description.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
}

function lengthOf(owner: string, field: string): { min: number; max: number } {
  const fields = METHODS[owner]?.params ?? TYPES[owner]?.fields ?? [];
  const length = fields.find((f) => f.name === field)?.length;
  assert.ok(length !== undefined, `${owner}.${field} has a stated length`);
  return length;
}

describe('enumerations match the spec', () => {
  test('union discriminators', () => {
    const pairs: ReadonlyArray<readonly [object, string]> = [
      [constants.ChatMemberStatus, 'ChatMember'],
      [constants.MessageOriginType, 'MessageOrigin'],
      [constants.BackgroundTypeType, 'BackgroundType'],
      [constants.BackgroundFillType, 'BackgroundFill'],
      [constants.ReactionType, 'ReactionType'],
      [constants.PaidMediaType, 'PaidMedia'],
      [constants.TransactionPartnerType, 'TransactionPartner'],
      [constants.RevenueWithdrawalStateType, 'RevenueWithdrawalState'],
      [constants.OwnedGiftType, 'OwnedGift'],
      [constants.StoryAreaTypeType, 'StoryAreaType'],
      [constants.MenuButtonType, 'MenuButton'],
      [constants.BotCommandScopeType, 'BotCommandScope'],
      [constants.ChatBoostSources, 'ChatBoostSource'],
      [constants.InputMediaType, 'InputMedia'],
      [constants.InputPaidMediaType, 'InputPaidMedia'],
      [constants.InlineQueryResultType, 'InlineQueryResult'],
      [constants.InputProfilePhotoType, 'InputProfilePhoto'],
      [constants.InputStoryContentType, 'InputStoryContent'],
    ];
    for (const [object, union] of pairs)
      assert.deepEqual(sorted(values(object)), sorted(variantsOf(union)), union);
  });

  test('values the spec enumerates in descriptions', () => {
    const pairs: ReadonlyArray<readonly [object, string, string]> = [
      [constants.MessageEntityType, 'MessageEntity', 'type'],
      [constants.StickerType, 'Sticker', 'type'],
      [constants.PollType, 'Poll', 'type'],
      [constants.StickerFormat, 'InputSticker', 'format'],
      [constants.MaskPosition, 'MaskPosition', 'point'],
      [constants.SuggestedPostInfoState, 'SuggestedPostInfo', 'state'],
      [constants.SuggestedPostRefunded, 'SuggestedPostRefunded', 'reason'],
      [constants.UniqueGiftInfoOrigin, 'UniqueGiftInfo', 'origin'],
      [constants.TransactionPartnerUser, 'TransactionPartnerUser', 'transaction_type'],
      [constants.UniqueGiftModelRarity, 'UniqueGiftModel', 'rarity'],
      [constants.KeyboardButtonStyle, 'InlineKeyboardButton', 'style'],
    ];
    for (const [object, typeName, field] of pairs) {
      assert.deepEqual(sorted(values(object)), sorted(listedIn(typeName, field)), `${typeName}.${field}`);
    }
    const chatTypes = values(constants.ChatType).filter((v) => v !== 'sender');
    assert.deepEqual(sorted(chatTypes), sorted(listedIn('Chat', 'type')));
    assert.ok(listedIn('InlineQuery', 'chat_type').includes(constants.ChatType.SENDER));
  });

  test('reaction emoji are exactly the ones the spec lists', () => {
    assert.deepEqual(sorted(values(constants.ReactionEmoji)), sorted(listedIn('ReactionTypeEmoji', 'emoji')));
  });

  test('update types are the spec update fields, upper-cased as keys', () => {
    assert.deepEqual(values(constants.UpdateType), [...UPDATE_TYPES]);
    assert.equal(constants.UpdateType.CALLBACK_QUERY, 'callback_query');
    assert.equal(constants.UpdateType.STOPPED_MESSAGE_GENERATION, 'stopped_message_generation');
  });

  test('message types and attachment types are Message fields of the spec', () => {
    const fields = new Set((TYPES.Message?.fields ?? []).map((f) => f.name));
    for (const type of constants.MESSAGE_TYPES) assert.ok(fields.has(type), type);
    for (const type of constants.MESSAGE_ATTACHMENT_TYPES) {
      assert.ok((constants.MESSAGE_TYPES as readonly string[]).includes(type), type);
    }
    assert.equal(constants.MessageType.NEW_CHAT_MEMBERS, 'new_chat_members');
    assert.equal(constants.MessageAttachmentType.VIDEO_NOTE, 'video_note');
  });

  test('constants objects cannot be changed', () => {
    assert.ok(Object.isFrozen(constants.UpdateType));
    assert.ok(Object.isFrozen(constants.AccentColor));
    assert.throws(() => {
      (constants.MessageType as unknown as Record<string, string>).TEXT = 'x';
    }, TypeError);
  });
});

describe('limits match the lengths the spec states', () => {
  test('texts, captions, polls, invoices, names', () => {
    const checks: ReadonlyArray<readonly [number, number]> = [
      [constants.MessageLimit.MAX_TEXT_LENGTH, lengthOf('sendMessage', 'text').max],
      [constants.MessageLimit.MIN_TEXT_LENGTH, lengthOf('sendMessage', 'text').min],
      [constants.MessageLimit.CAPTION_LENGTH, lengthOf('sendPhoto', 'caption').max],
      [
        constants.CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH,
        lengthOf('answerCallbackQuery', 'text').max,
      ],
      [constants.PollLimit.MAX_QUESTION_LENGTH, lengthOf('sendPoll', 'question').max],
      [constants.PollLimit.MIN_QUESTION_LENGTH, lengthOf('sendPoll', 'question').min],
      [constants.PollLimit.MAX_OPTION_LENGTH, lengthOf('InputPollOption', 'text').max],
      [constants.PollLimit.MAX_EXPLANATION_LENGTH, lengthOf('sendPoll', 'explanation').max],
      [constants.PollLimit.MAX_DESCRIPTION_CHARACTERS, lengthOf('sendPoll', 'description').max],
      [constants.InvoiceLimit.MAX_TITLE_LENGTH, lengthOf('sendInvoice', 'title').max],
      [constants.InvoiceLimit.MAX_DESCRIPTION_LENGTH, lengthOf('sendInvoice', 'description').max],
      [constants.InvoiceLimit.MAX_PAYLOAD_LENGTH, lengthOf('sendInvoice', 'payload').max],
      [constants.ChatLimit.MAX_CHAT_TITLE_LENGTH, lengthOf('setChatTitle', 'title').max],
      [constants.ChatLimit.CHAT_DESCRIPTION_LENGTH, lengthOf('setChatDescription', 'description').max],
      [
        constants.ChatLimit.CHAT_ADMINISTRATOR_CUSTOM_TITLE_LENGTH,
        lengthOf('setChatAdministratorCustomTitle', 'custom_title').max,
      ],
      [constants.ChatInviteLinkLimit.NAME_LENGTH, lengthOf('createChatInviteLink', 'name').max],
      [constants.ForumTopicLimit.MAX_NAME_LENGTH, lengthOf('createForumTopic', 'name').max],
      [constants.BotCommandLimit.MAX_COMMAND, lengthOf('BotCommand', 'command').max],
      [constants.BotCommandLimit.MAX_DESCRIPTION, lengthOf('BotCommand', 'description').max],
      [constants.BotDescriptionLimit.MAX_DESCRIPTION_LENGTH, lengthOf('setMyDescription', 'description').max],
      [
        constants.BotDescriptionLimit.MAX_SHORT_DESCRIPTION_LENGTH,
        lengthOf('setMyShortDescription', 'short_description').max,
      ],
      [constants.BotNameLimit.MAX_NAME_LENGTH, lengthOf('setMyName', 'name').max],
      [
        constants.InlineKeyboardButtonLimit.MAX_CALLBACK_DATA,
        lengthOf('InlineKeyboardButton', 'callback_data').max,
      ],
      [constants.InlineKeyboardButtonLimit.MAX_COPY_TEXT, lengthOf('CopyTextButton', 'text').max],
      [constants.InlineQueryLimit.MAX_QUERY_LENGTH, lengthOf('InlineQuery', 'query').max],
      [constants.InlineQueryResultLimit.MAX_ID_LENGTH, lengthOf('InlineQueryResultPhoto', 'id').max],
      [
        constants.InlineQueryResultsButtonLimit.MAX_START_PARAMETER_LENGTH,
        lengthOf('InlineQueryResultsButton', 'start_parameter').max,
      ],
      [
        constants.ReplyLimit.MAX_INPUT_FIELD_PLACEHOLDER,
        lengthOf('ForceReply', 'input_field_placeholder').max,
      ],
      [constants.LocationLimit.MAX_CHAT_LOCATION_ADDRESS, lengthOf('ChatLocation', 'address').max],
      [constants.ContactLimit.VCARD, lengthOf('sendContact', 'vcard').max],
      [constants.StoryLimit.CAPTION_LENGTH, lengthOf('postStory', 'caption').max],
      [constants.InputChecklistLimit.MAX_TITLE_LENGTH, lengthOf('InputChecklist', 'title').max],
      [constants.InputChecklistLimit.MAX_TEXT_LENGTH, lengthOf('InputChecklistTask', 'text').max],
      [constants.GiftLimit.MAX_TEXT_LENGTH, lengthOf('sendGift', 'text').max],
      [constants.PremiumSubscription.MAX_TEXT_LENGTH, lengthOf('giftPremiumSubscription', 'text').max],
      [constants.SuggestedPost.MAX_COMMENT_LENGTH, lengthOf('declineSuggestedPost', 'comment').max],
      [constants.BusinessLimit.MAX_BIO_LENGTH, lengthOf('setBusinessAccountBio', 'bio').max],
      [constants.BusinessLimit.MAX_NAME_LENGTH, lengthOf('setBusinessAccountName', 'first_name').max],
      [constants.BusinessLimit.MAX_USERNAME_LENGTH, lengthOf('setBusinessAccountUsername', 'username').max],
      [constants.StickerLimit.MAX_NAME_AND_TITLE, lengthOf('createNewStickerSet', 'title').max],
      [constants.WebhookLimit.MAX_SECRET_TOKEN_LENGTH, lengthOf('setWebhook', 'secret_token').max],
      [constants.VerifyLimit.MAX_TEXT_LENGTH, lengthOf('verifyUser', 'custom_description').max],
      [constants.TagLimit.MAX_TAG_LENGTH, lengthOf('setChatMemberTag', 'tag').max],
    ];
    for (const [ours, stated] of checks) assert.equal(ours, stated);
  });

  test('version, ports, dates, colours', () => {
    assert.equal(constants.BOT_API_VERSION, '10.3');
    assert.deepEqual(constants.BOT_API_VERSION_INFO, { major: 10, minor: 3 });
    assert.deepEqual([...constants.SUPPORTED_WEBHOOK_PORTS], [443, 80, 88, 8443]);
    assert.equal(constants.ZERO_DATE.getTime(), 0);
    assert.equal(constants.FileSizeLimit.FILESIZE_DOWNLOAD, 20_000_000);
    assert.equal(constants.ForumIconColor.BLUE, 0x6fb9f0);
    assert.equal(constants.AccentColor.COLOR_000.name, 'red');
    assert.deepEqual(constants.ProfileAccentColor.COLOR_008.light_colors, [0xc9565d, 0xd97c57]);
    assert.equal(constants.Nanostar.VALUE, 1e-9);
  });
});

describe('class-level aliases', () => {
  test('PTB aliases on classes and union bases', () => {
    assert.equal(Chat.PRIVATE, 'private');
    assert.equal(Chat.CHANNEL, constants.ChatType.CHANNEL);
    assert.equal(MessageEntity.BOLD, 'bold');
    assert.deepEqual([...MessageEntity.ALL_TYPES], values(constants.MessageEntityType));
    assert.equal(ChatMember.ADMINISTRATOR, 'administrator');
    assert.equal(ChatMember.OWNER, 'creator');
    assert.equal(Dice.DARTS, '🎯');
    assert.equal(Dice.MAX_VALUE_SLOT_MACHINE, 64);
    assert.equal(Dice.ALL_EMOJI.length, 6);
    assert.equal(Sticker.REGULAR, 'regular');
    assert.equal(Sticker.CHIN, 'chin');
    assert.equal(Update.MESSAGE, 'message');
    assert.deepEqual(Update.ALL_TYPES, UPDATE_TYPES);
    assert.equal(Poll.QUIZ, 'quiz');
    assert.equal(Poll.MAX_OPTION_NUMBER, constants.PollLimit.MAX_OPTION_NUMBER);
    assert.equal(MessageOrigin.HIDDEN_USER, 'hidden_user');
    assert.equal(ReactionType.PAID, 'paid');
    assert.equal(InlineQuery.MAX_RESULTS, 50);
    assert.equal(InlineKeyboardButton.MAX_CALLBACK_DATA, 64);
    assert.equal(ChatPhoto.SIZE_BIG, 640);
  });

  test('aliases are read-only and stay out of instances', () => {
    assert.throws(() => {
      (Chat as unknown as Record<string, string>).PRIVATE = 'x';
    }, TypeError);
    const chat = Chat.fromJSON({ id: 1, type: 'private' });
    assert.deepEqual(Object.keys(chat.toJSON()).sort(), ['id', 'type']);
  });
});

describe('effectiveMessageType', () => {
  const base = { message_id: 1, date: 1_700_000_000, chat: { id: 1, type: 'private' } };

  test('the first present field in MessageType order', () => {
    assert.equal(effectiveMessageType(Message.fromJSON({ ...base, text: 'hi' })), 'text');
    assert.equal(
      effectiveMessageType(
        Message.fromJSON({
          ...base,
          photo: [{ file_id: 'p', file_unique_id: 'u', width: 1, height: 1 }],
          caption: 'c',
        }),
      ),
      'photo',
    );
    assert.equal(
      effectiveMessageType(
        Message.fromJSON({ ...base, new_chat_members: [{ id: 2, is_bot: false, first_name: 'B' }] }),
      ),
      'new_chat_members',
    );
    assert.equal(
      effectiveMessageType(Message.fromJSON({ ...base, delete_chat_photo: true })),
      'delete_chat_photo',
    );
    assert.equal(effectiveMessageType(Message.fromJSON({ ...base, new_chat_members: [] })), undefined);
    assert.equal(effectiveMessageType(Message.fromJSON(base)), undefined);
  });

  test('updates: their effective message', () => {
    const update = Update.fromJSON({
      update_id: 1,
      edited_message: { ...base, dice: { emoji: '🎲', value: 3 } },
    });
    assert.equal(effectiveMessageType(update), 'dice');
    assert.equal(effectiveMessageType(Update.fromJSON({ update_id: 2 })), undefined);
  });

  test('anything else is a TypeError', () => {
    assert.throws(() => effectiveMessageType({} as unknown as Message), TypeError);
    assert.throws(() => effectiveMessageType(null as unknown as Message), TypeError);
  });
});

describe('FEATURES.md section 1.7: every constant listed is exported', () => {
  test('names in the Constants section', () => {
    const features = readFileSync(resolve(PROJECT_ROOT, '../shared/FEATURES.md'), 'utf8');
    const section = features.split('### 1.7 Constants')[1]?.split('\n### ')[0] ?? '';
    const names = [...section.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1] as string);
    assert.ok(names.length > 60, `${names.length} names`);
    const exported = constants as Readonly<Record<string, unknown>>;
    assert.deepEqual(
      names.filter((name) => exported[name] === undefined),
      [],
    );
  });
});
