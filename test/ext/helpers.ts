// Shared builders for ext tests: an application that never touches the network, and updates.

import { Application } from '../../src/ext/application.js';
import { TYPES } from '../../src/generated/metadata.js';
import { Update } from '../../src/generated/types.js';
import { sampleOf } from '../helpers/samples.js';
import '../../src/ext/builder.js';
import type { Logger } from '../../src/logging.js';
import '../../src/objects/update.js';

export const TOKEN = '123456:TEST_token-for_unit_tests';

/** A logger that records what it is given. */
export function recordingLogger(): Logger & { readonly errors: unknown[][]; readonly warnings: unknown[][] } {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  return {
    errors,
    warnings,
    debug() {},
    info() {},
    warn(message: string, ...details: unknown[]) {
      warnings.push([message, ...details]);
    },
    error(message: string, ...details: unknown[]) {
      errors.push([message, ...details]);
    },
  };
}

/** An application for dispatch tests (no updater, no network). */
export function offlineApp(logger: Logger = recordingLogger()): Application {
  return Application.builder().token(TOKEN).updater(null).logger(logger).build();
}

let nextId = 1;

const alice = { id: 1001, is_bot: false, first_name: 'Alice', username: 'alice' };

/** A private chat text message update. */
export function messageUpdate(text: string, options: { chatId?: number; userId?: number } = {}): Update {
  const userId = options.userId ?? alice.id;
  const chatId = options.chatId ?? userId;
  return Update.fromJSON({
    update_id: nextId++,
    message: {
      message_id: nextId,
      date: 1_700_000_000,
      chat:
        chatId > 0
          ? { id: chatId, type: 'private', first_name: 'Alice' }
          : { id: chatId, type: 'group', title: 'G' },
      from: { ...alice, id: userId },
      text,
    },
  });
}

/** An update from JSON of one kind, e.g. `updateOf('poll', {...})`. */
export function updateOf(kind: string, payload: Record<string, unknown>): Update {
  return Update.fromJSON({ update_id: nextId++, [kind]: payload });
}

export const ALICE = alice;

/** JSON of an update of each kind, every field filled (from the generated metadata). */
export function sampleUpdateJSON(
  kind: string,
  override: Record<string, unknown> = {},
): Record<string, unknown> {
  const field = TYPES.Update?.fields.find((f) => f.name === kind);
  if (field === undefined) throw new Error(`unknown update kind ${kind}`);
  const payload = sampleOf(field.types[0] as string) as Record<string, unknown>;
  return { update_id: nextId++, [kind]: { ...payload, ...override } };
}

/** An Update of a kind, every field filled, with some fields of the payload replaced. */
export function sampleUpdate(kind: string, override: Record<string, unknown> = {}): Update {
  return Update.fromJSON(sampleUpdateJSON(kind, override));
}
