import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BadRequest,
  BotBlocked,
  BotKicked,
  BotNotMember,
  ButtonDataInvalid,
  CantInitiateConversation,
  CantParseEntities,
  ChatMigrated,
  ChatNotFound,
  Conflict,
  EndPointNotFound,
  errorFromResponse,
  Forbidden,
  InvalidToken,
  MessageCantBeDeleted,
  MessageCantBeEdited,
  MessageNotModified,
  MessageTextEmpty,
  MessageToDeleteNotFound,
  MessageToEditNotFound,
  MessageTooLong,
  MessageToReplyNotFound,
  NetworkError,
  NotEnoughRights,
  PassportDecryptionError,
  QueryTooOld,
  RetryAfter,
  TelegramError,
  TimedOut,
  UserDeactivated,
  UserNotFound,
  WrongFileIdentifier,
} from '../../src/errors.js';

type ErrorClass = abstract new (...args: never[]) => TelegramError;

const BAD_REQUESTS: ReadonlyArray<readonly [string, ErrorClass]> = [
  [
    'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    MessageNotModified,
  ],
  ['Bad Request: chat not found', ChatNotFound],
  ['Bad Request: message to edit not found', MessageToEditNotFound],
  ['Bad Request: message to delete not found', MessageToDeleteNotFound],
  ['Bad Request: message to be replied not found', MessageToReplyNotFound],
  ["Bad Request: message can't be edited", MessageCantBeEdited],
  ["Bad Request: message can't be deleted for everyone", MessageCantBeDeleted],
  ['Bad Request: not enough rights to send text messages to the chat', NotEnoughRights],
  ['Bad Request: user not found', UserNotFound],
  ['Bad Request: query is too old and response timeout expired or query ID is invalid', QueryTooOld],
  [
    "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 5",
    CantParseEntities,
  ],
  ['Bad Request: message text is empty', MessageTextEmpty],
  ['Bad Request: message is too long', MessageTooLong],
  ['Bad Request: wrong file identifier/HTTP URL specified', WrongFileIdentifier],
  ['Bad Request: wrong remote file identifier specified: Wrong padding in the string', WrongFileIdentifier],
  ['Bad Request: BUTTON_DATA_INVALID', ButtonDataInvalid],
];

const FORBIDDENS: ReadonlyArray<readonly [string, ErrorClass]> = [
  ['Forbidden: bot was blocked by the user', BotBlocked],
  ['Forbidden: user is deactivated', UserDeactivated],
  ['Forbidden: bot was kicked from the supergroup chat', BotKicked],
  ['Forbidden: bot was kicked from the channel chat', BotKicked],
  ["Forbidden: bot can't initiate conversation with a user", CantInitiateConversation],
  ['Forbidden: bot is not a member of the channel chat', BotNotMember],
];

describe('errorFromResponse: errors by meaning', () => {
  for (const [description, expected] of BAD_REQUESTS) {
    test(`400 "${description.slice(13, 50)}" -> ${expected.name}`, () => {
      const error = errorFromResponse({ method: 'editMessageText', errorCode: 400, description });
      assert.equal(error.constructor, expected);
      assert.ok(error instanceof BadRequest);
      assert.ok(error instanceof NetworkError);
      assert.ok(error instanceof TelegramError);
      assert.equal(error.name, expected.name);
      assert.equal(error.method, 'editMessageText');
      assert.equal(error.errorCode, 400);
      assert.equal(error.description, description);
    });
  }

  for (const [description, expected] of FORBIDDENS) {
    test(`403 "${description.slice(11, 50)}" -> ${expected.name}`, () => {
      const error = errorFromResponse({ method: 'sendMessage', errorCode: 403, description });
      assert.equal(error.constructor, expected);
      assert.ok(error instanceof Forbidden);
      assert.ok(!(error instanceof NetworkError));
      assert.equal(error.name, expected.name);
      assert.equal(error.description, description);
    });
  }

  test('matching ignores case and a missing prefix', () => {
    assert.equal(
      errorFromResponse({ errorCode: 400, description: 'MESSAGE IS NOT MODIFIED' }).constructor,
      MessageNotModified,
    );
    assert.equal(
      errorFromResponse({ errorCode: 400, description: 'Chat Not Found' }).constructor,
      ChatNotFound,
    );
    assert.equal(
      errorFromResponse({ errorCode: 403, description: 'bot was blocked by the user' }).constructor,
      BotBlocked,
    );
  });

  test('a meaning only counts under its own status code', () => {
    const error = errorFromResponse({ errorCode: 403, description: 'Bad Request: chat not found' });
    assert.equal(error.constructor, Forbidden);
    const other = errorFromResponse({
      errorCode: 400,
      description: 'Forbidden: bot was blocked by the user',
    });
    assert.equal(other.constructor, BadRequest);
  });

  test('an unknown description stays the plain parent class', () => {
    assert.equal(
      errorFromResponse({ errorCode: 400, description: 'Bad Request: something new' }).constructor,
      BadRequest,
    );
    assert.equal(
      errorFromResponse({ errorCode: 403, description: 'Forbidden: something new' }).constructor,
      Forbidden,
    );
  });
});

describe('errorFromResponse: what 401 and 404 blame', () => {
  test('401 blames the token and says where to check it', () => {
    const error = errorFromResponse({ method: 'getMe', errorCode: 401, description: 'Unauthorized' });
    assert.ok(error instanceof InvalidToken);
    assert.equal(
      error.message,
      'Unauthorized: the server refused the bot token; check it (@BotFather shows it)',
    );
    assert.equal(error.description, 'Unauthorized');
  });

  test('404 of an API method blames the base URL first and shows its expected form', () => {
    const error = errorFromResponse({ method: 'getMe', errorCode: 404, description: 'Not Found' });
    assert.ok(error instanceof EndPointNotFound);
    assert.equal(error.errorCode, 404);
    assert.equal(error.method, 'getMe');
    assert.match(error.message, /^Not Found for getMe: the server has no such method at this address/);
    assert.match(error.message, /base URL: it ends in '\/bot'/);
    assert.match(error.message, /'https:\/\/api\.telegram\.org\/bot'/);
    assert.match(error.message, /malformed token can also cause this/);
  });

  test('404 of a download names the file path and the file base URL', () => {
    const error = errorFromResponse({ errorCode: 404, description: 'Not Found' });
    assert.match(error.message, /file path and the file base URL \(baseFileUrl/);
  });
});

describe('errorFromResponse: status codes and parameters', () => {
  test('status codes map as in python-telegram-bot', () => {
    assert.equal(
      errorFromResponse({ errorCode: 400, description: 'Bad Request: x' }).constructor,
      BadRequest,
    );
    assert.equal(
      errorFromResponse({ errorCode: 401, description: 'Unauthorized' }).constructor,
      InvalidToken,
    );
    assert.equal(errorFromResponse({ errorCode: 403, description: 'Forbidden: x' }).constructor, Forbidden);
    assert.equal(
      errorFromResponse({ errorCode: 404, description: 'Not Found' }).constructor,
      EndPointNotFound,
      'a 404 is a wrong address (base URL or method), not a refused token',
    );
    assert.equal(errorFromResponse({ errorCode: 409, description: 'Conflict: x' }).constructor, Conflict);
    assert.equal(errorFromResponse({ errorCode: 502, description: 'Bad Gateway' }).constructor, NetworkError);
    assert.equal(errorFromResponse({ errorCode: 500 }).constructor, NetworkError);
    assert.equal(errorFromResponse({ errorCode: 429 }).constructor, NetworkError);
  });

  test('retry_after gives RetryAfter whatever the status', () => {
    const error = errorFromResponse({
      method: 'sendMessage',
      errorCode: 429,
      description: 'Too Many Requests: retry after 7',
      parameters: { retry_after: 7 },
    });
    assert.ok(error instanceof RetryAfter);
    assert.equal(error.retryAfter, 7);
    assert.equal(error.message, 'Flood control exceeded. Retry in 7 seconds');
    assert.equal(error.description, 'Too Many Requests: retry after 7');
    assert.deepEqual(error.parameters, { retry_after: 7 });
    assert.equal(error.errorCode, 429);
    assert.equal(error.method, 'sendMessage');
  });

  test('migrate_to_chat_id gives ChatMigrated and wins over retry_after', () => {
    const error = errorFromResponse({
      errorCode: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: -1001234567890, retry_after: 3 },
    });
    assert.ok(error instanceof ChatMigrated);
    assert.equal(error.newChatId, -1001234567890);
    assert.equal(error.message, 'Group migrated to supergroup. New chat id: -1001234567890');
  });

  test('unknown parameters are kept on the error', () => {
    const parameters = { some_future_field: 'x', other: 1 };
    const error = errorFromResponse({ errorCode: 400, description: 'Bad Request: odd', parameters });
    assert.ok(error instanceof BadRequest);
    assert.deepEqual(error.parameters, parameters);
  });

  test('messages without a description name the status and the code', () => {
    assert.equal(errorFromResponse({ errorCode: 502 }).message, 'Bad Gateway (502)');
    assert.equal(errorFromResponse({ errorCode: 500 }).message, 'Internal Server Error (500)');
    assert.equal(errorFromResponse({ errorCode: 418 }).message, 'Unknown HTTP error (418)');
    assert.match(errorFromResponse({ errorCode: 404 }).message, /^Not Found \(404\): /);
  });

  test('the code is added to descriptions of codes that map to NetworkError', () => {
    const error = errorFromResponse({ errorCode: 500, description: 'Internal Server Error: restart' });
    assert.equal(error.message, 'Internal Server Error: restart (500)');
    assert.equal(error.description, 'Internal Server Error: restart');
  });
});

describe('TelegramError', () => {
  test('API prefixes are stripped and the first letter capitalised; description keeps the raw text', () => {
    const error = errorFromResponse({
      errorCode: 400,
      description: "Bad Request: can't parse entities: Unclosed tag",
    });
    assert.equal(error.message, "Can't parse entities: Unclosed tag");
    assert.equal(error.description, "Bad Request: can't parse entities: Unclosed tag");
    assert.equal(new TelegramError('Error: something broke').message, 'Something broke');
    assert.equal(new TelegramError('[Error]: something broke').message, 'Something broke');
    assert.equal(new TelegramError('Error: Bad Request: chat not found').message, 'Chat not found');
  });

  test('messages without an API prefix are left alone', () => {
    assert.equal(new TelegramError('lower case stays').message, 'lower case stays');
    assert.equal(
      new Forbidden('Forbidden: bot was blocked by the user').message,
      'Forbidden: bot was blocked by the user',
    );
  });

  test('the PTB family and its defaults', () => {
    assert.equal(new TimedOut().message, 'Timed out');
    assert.ok(new TimedOut() instanceof NetworkError);
    assert.equal(new InvalidToken().message, 'Invalid token');
    assert.ok(new BadRequest('x') instanceof NetworkError);
    assert.ok(!(new Conflict('x') instanceof NetworkError));
    assert.ok(new EndPointNotFound('x') instanceof TelegramError);
    const passport = new PassportDecryptionError(new Error('bad padding'));
    assert.equal(passport.message, 'bad padding');
    assert.ok(passport.cause instanceof Error);
  });

  test('every class has its own name, also in the stack', () => {
    const classes: ReadonlyArray<readonly [string, TelegramError]> = [
      ['TelegramError', new TelegramError('x')],
      ['NetworkError', new NetworkError('x')],
      ['BadRequest', new BadRequest('x')],
      ['TimedOut', new TimedOut()],
      ['Forbidden', new Forbidden('x')],
      ['InvalidToken', new InvalidToken()],
      ['EndPointNotFound', new EndPointNotFound('x')],
      ['Conflict', new Conflict('x')],
      ['RetryAfter', new RetryAfter(1)],
      ['ChatMigrated', new ChatMigrated(-100)],
      ['PassportDecryptionError', new PassportDecryptionError('x')],
      ['MessageNotModified', new MessageNotModified('x')],
      ['BotBlocked', new BotBlocked('x')],
    ];
    for (const [name, error] of classes) {
      assert.equal(error.name, name);
      assert.ok(error.stack?.startsWith(`${name}: `), name);
      assert.equal(String(error), `${name}: ${error.message}`);
    }
  });

  test('absent fields are not set, so inspecting shows only what is known', () => {
    const error = new NetworkError('x');
    assert.equal(Object.hasOwn(error, 'method'), false);
    assert.equal(Object.hasOwn(error, 'errorCode'), false);
    assert.equal(Object.hasOwn(error, 'parameters'), false);
    assert.equal(Object.hasOwn(error, 'cause'), false);
  });
});
