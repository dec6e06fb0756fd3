/** A simulated user sharing Telegram Passport data with a bot, and the bot's Passport settings. */
import { badRequest } from '../errors.js';
import type {
  EncryptedCredentialsJSON,
  PassportElementType,
  PassportPart,
  SecureValue,
} from '../passport.js';
import {
  dataCredentials,
  elementHash,
  encryptCredentials,
  fileCredentials,
  isPassportElementType,
  PASSPORT_ELEMENT_TYPES,
  PASSPORT_PARTS,
  parsePassportPublicKey,
  sealPassportPayload,
} from '../passport.js';
import { storePassportFile } from './files.js';
import type { BotRecord, Json, MessageRecord } from './records.js';
import { routeMessage } from './routing.js';
import type { ChatTarget } from './user-messages.js';
import { userChat } from './user-messages.js';
import type { World } from './world.js';

/** The file parts of an element holding one file. */
const SINGLE_FILES = ['front_side', 'reverse_side', 'selfie'] as const;
/** The file parts of an element holding a list of files. */
const FILE_LISTS = ['files', 'translation'] as const;

/** Registers the RSA public key users encrypt Passport data for (replacing any earlier one). */
export function setPassportKey(bot: BotRecord, pem: string): void {
  try {
    bot.passportKey = parsePassportPublicKey(pem);
  } catch (error) {
    throw badRequest((error as Error).message);
  }
}

function fileBytes(value: unknown, where: string): Buffer {
  const spec = value as Json | null;
  const base64 = typeof spec === 'object' && spec !== null ? spec.data_base64 : undefined;
  if (typeof base64 !== 'string' || base64 === '') throw badRequest(`${where} must be { data_base64 }`);
  return Buffer.from(base64, 'base64');
}

function sealFile(world: World, value: unknown, where: string, hashes: Buffer[]) {
  const sealed = sealPassportPayload(fileBytes(value, where));
  hashes.push(sealed.hash);
  return { json: storePassportFile(world, sealed.encrypted), credentials: fileCredentials(sealed) };
}

function checkParts(type: PassportElementType, input: Json): void {
  const allowed = PASSPORT_PARTS[type];
  for (const [part, value] of Object.entries(input)) {
    if (part === 'type' || value === undefined || value === null) continue;
    if (!allowed.includes(part as PassportPart)) {
      throw badRequest(`a ${type} element has no ${part}; it takes ${allowed.join(', ')}`);
    }
  }
  for (const part of allowed) {
    if (part === 'translation' || part === 'selfie' || part === 'reverse_side') continue;
    if (input[part] === undefined || input[part] === null)
      throw badRequest(`a ${type} element needs ${part}`);
  }
}

/** Encrypts one element, storing its files; returns its JSON and its credentials (if any). */
function encryptElement(
  world: World,
  input: Json,
): { type: PassportElementType; json: Json; credentials: SecureValue | undefined } {
  const type = String(input.type);
  if (!isPassportElementType(type)) {
    throw badRequest(`unknown Passport element type "${type}"; one of ${PASSPORT_ELEMENT_TYPES.join(', ')}`);
  }
  checkParts(type, input);
  if (type === 'phone_number' || type === 'email') {
    const value = input[type];
    if (typeof value !== 'string' || value === '') throw badRequest(`${type} must be a non-empty string`);
    return { type, json: { type, [type]: value, hash: elementHash(type, [value]) }, credentials: undefined };
  }
  const json: Json = { type };
  const credentials: SecureValue = {};
  const hashes: Buffer[] = [];
  if (input.data !== undefined) {
    if (typeof input.data !== 'object' || input.data === null || Array.isArray(input.data)) {
      throw badRequest(`the data of a ${type} element must be a JSON object`);
    }
    const sealed = sealPassportPayload(Buffer.from(JSON.stringify(input.data), 'utf8'));
    hashes.push(sealed.hash);
    json.data = sealed.encrypted.toString('base64');
    credentials.data = dataCredentials(sealed);
  }
  for (const part of SINGLE_FILES) {
    if (input[part] === undefined || input[part] === null) continue;
    const file = sealFile(world, input[part], `${type}.${part}`, hashes);
    json[part] = file.json;
    credentials[part] = file.credentials;
  }
  for (const part of FILE_LISTS) {
    const list = input[part];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list) || list.length === 0)
      throw badRequest(`${type}.${part} must be a non-empty list`);
    const files = list.map((value, index) => sealFile(world, value, `${type}.${part}[${index}]`, hashes));
    json[part] = files.map((file) => file.json);
    credentials[part] = files.map((file) => file.credentials);
  }
  json.hash = elementHash(type, hashes);
  return { type, json, credentials };
}

/**
 * A user shares Passport elements with a bot in their private chat, answering a request that
 * carried `nonce`: the bot gets a message with `passport_data`, encrypted for its registered key.
 */
export function userSendPassport(
  world: World,
  userId: number,
  target: ChatTarget,
  nonce: string,
  elements: readonly Json[],
): MessageRecord {
  const chat = userChat(world, userId, target);
  const bot = chat.type === 'private' ? world.botsById.get(chat.botId ?? 0) : undefined;
  if (bot === undefined) throw badRequest('Passport data goes to a bot, in its private chat');
  const key = bot.passportKey;
  if (key === undefined) {
    throw badRequest(
      `bot ${bot.username} has no Passport public key: register one first (POST /_emulator/bots/passport_key)`,
    );
  }
  if (nonce === '') throw badRequest('nonce is empty: the bot puts one in its Passport request');
  if (elements.length === 0) throw badRequest('elements is empty: share at least one Passport element');
  const seen = new Set<string>();
  const data: Json[] = [];
  const secureData: Record<string, SecureValue> = {};
  for (const input of elements) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw badRequest('each Passport element must be a JSON object with a type');
    }
    if (seen.has(String(input.type))) throw badRequest(`the ${String(input.type)} element is given twice`);
    seen.add(String(input.type));
    const element = encryptElement(world, input);
    data.push(element.json);
    if (element.credentials !== undefined) secureData[element.type] = element.credentials;
  }
  const credentials: EncryptedCredentialsJSON = encryptCredentials(secureData, nonce, key);
  bot.passportErrors?.delete(userId);
  const record = world.addMessage(chat, userId, { passport_data: { data, credentials: { ...credentials } } });
  routeMessage(world, chat, record);
  return record;
}
