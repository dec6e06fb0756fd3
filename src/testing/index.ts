/**
 * `typescript-telegram-bot/testing`: an in-memory Telegram Bot API emulator on loopback, and
 * simulated users to drive bots under test. See README.md beside this file.
 */
export type { LogEntry } from './api-log.js';
export type {
  ChatJSON,
  InlineButtonJSON,
  JsonValue,
  MessageJSON,
  TranscriptEntryJSON,
  UserJSON,
} from './client.js';
export { ControlClient, EmulatorError } from './client.js';
export type { CreateBotOptions, CreateChatOptions, CreateUserOptions, EmulatorOptions } from './emulator.js';
export { Emulator } from './emulator.js';
export type { ApplicationHost, PollingApplication, RunApplicationOptions } from './run-application.js';
export { RunningApplication, runApplication } from './run-application.js';
export type { ServerOptions } from './server.js';
export { EmulatorServer } from './server.js';
export type { FloodLimits } from './state/flood.js';
export { Transcript } from './transcript.js';
export type {
  BotInfo,
  CallbackAnswer,
  ChatRef,
  Destination,
  FileInput,
  InlineAnswer,
  KeyboardState,
  MessageEntityInput,
  MessageExpectation,
  OrderInfoInput,
  PassportDetails,
  PassportElementInput,
  PaymentResult,
  PayOptions,
  PollInput,
  ReplyKeyboardJSON,
  SendOptions,
  ShippingAddressInput,
} from './users.js';
export { SimulatedUser } from './users.js';
export type { ValueHints } from './values.js';
export { conformsTo, makeValue } from './values.js';
