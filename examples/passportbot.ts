/**
 * The seed's passportbot: prints the Telegram Passport data users share with the bot and saves
 * their scans, decrypted with the bot's private key. Only data answering the bot's own request
 * (its nonce) is used. Run it with
 * `BOT_TOKEN=<token> PRIVATE_KEY=private.key npx tsx examples/passportbot.ts` (PRIVATE_KEY_PASSWORD
 * if the key has one; BOT_API_BASE_URL and BOT_API_FILE_URL to run it against the emulator). The
 * key pair: `openssl genrsa 2048 > private.key`, then give BotFather the public half,
 * `openssl rsa -in private.key -pubout`.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Logger, type PassportFile, Update } from 'typescript-telegram-bot';
import { Application, type ContextTypes, filters, MessageHandler } from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** The nonce the bot's Passport request carries (a real bot makes a fresh one per request). */
export const NONCE = 'thisisatest';

/** Types whose `data` holds details (personal details, an identity document, an address). */
const WITH_DETAILS = new Set([
  'personal_details',
  'passport',
  'driver_license',
  'identity_card',
  'internal_passport',
  'address',
]);
/** Identity documents: a front side, maybe a reverse side, maybe a selfie. */
const IDENTITY_DOCUMENTS = new Set(['passport', 'driver_license', 'identity_card', 'internal_passport']);

/** Options of {@link buildApplication}. */
export interface PassportBotOptions {
  /** The PEM private key whose public half BotFather holds. */
  readonly privateKey: string | Uint8Array;
  readonly privateKeyPassword?: string | undefined;
  readonly baseUrl?: string | undefined;
  readonly baseFileUrl?: string | undefined;
  /** Where scans are saved; the working directory by default. */
  readonly downloadDir?: string | undefined;
  readonly logger?: Logger | undefined;
}

/** Saves one scan, decrypted, under the name of its `file_path`. */
async function save(scan: PassportFile, directory: string, logger: Logger): Promise<void> {
  const file = await scan.getFile();
  const path = await file.downloadToDrive(join(directory, basename(file.file_path ?? file.file_id)));
  logger.info(`Saved ${file.file_id} to ${path}`);
}

/** Prints every shared element and saves its scans. */
export function passportHandler(downloadDir: string) {
  return async (update: Update, context: Context): Promise<void> => {
    const passportData = update.message?.passport_data;
    if (passportData === undefined) return;
    const logger = context.application.logger;
    // Data that does not carry our nonce was not asked for by this bot.
    if (passportData.decryptedCredentials.nonce !== NONCE) return;
    for (const element of passportData.decryptedData) {
      if (element.type === 'phone_number') logger.info(`Phone: ${element.phone_number}`);
      else if (element.type === 'email') logger.info(`Email: ${element.email}`);
      if (WITH_DETAILS.has(element.type)) logger.info(`${element.type}: ${JSON.stringify(element.data)}`);
      if (element.files !== undefined) {
        logger.info(`${element.type}: ${element.files.length} files`);
        for (const scan of element.files) await save(scan, downloadDir, logger);
      }
      if (IDENTITY_DOCUMENTS.has(element.type)) {
        for (const side of [element.front_side, element.reverse_side, element.selfie]) {
          if (side !== undefined) await save(side, downloadDir, logger);
        }
      }
      if (element.translation !== undefined) {
        logger.info(`${element.type}: ${element.translation.length} translation`);
        for (const scan of element.translation) await save(scan, downloadDir, logger);
      }
    }
  };
}

/** The application with the passport bot's handler, not yet running. */
export function buildApplication(token: string, options: PassportBotOptions): Application {
  const builder = Application.builder()
    .token(token)
    .privateKey(options.privateKey, options.privateKeyPassword);
  if (options.baseUrl !== undefined) builder.baseUrl(options.baseUrl);
  if (options.baseFileUrl !== undefined) builder.baseFileUrl(options.baseFileUrl);
  if (options.logger !== undefined) builder.logger(options.logger);
  const app = builder.build();
  app.addHandler(
    new MessageHandler(filters.PASSPORT_DATA, passportHandler(resolve(options.downloadDir ?? '.'))),
  );
  return app;
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const app = buildApplication(token, {
    privateKey: readFileSync(process.env.PRIVATE_KEY ?? 'private.key'),
    privateKeyPassword: process.env.PRIVATE_KEY_PASSWORD,
    baseUrl: process.env.BOT_API_BASE_URL,
    baseFileUrl: process.env.BOT_API_FILE_URL,
  });
  await app.runPolling({ allowedUpdates: Update.ALL_TYPES });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
