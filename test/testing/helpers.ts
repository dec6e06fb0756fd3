// Shared helpers of the emulator tests: raw Bot API calls over fetch, checked against the spec.
import assert from 'node:assert/strict';
import { METHODS } from '../../src/generated/metadata.js';
import type { Emulator } from '../../src/testing/index.js';
import { conformsTo } from '../../src/testing/values.js';

/** A raw Bot API answer. */
export interface Answer {
  readonly status: number;
  readonly body: {
    ok: boolean;
    result?: unknown;
    error_code?: number;
    description?: string;
    parameters?: { retry_after?: number; migrate_to_chat_id?: number };
  };
}

/** Calls a method with a JSON body; successful results are checked against the method's return type. */
export async function call(
  emu: Emulator,
  token: string,
  method: string,
  params: object = {},
): Promise<Answer> {
  const response = await fetch(`${emu.baseUrl}${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  const answer: Answer = { status: response.status, body: (await response.json()) as Answer['body'] };
  checkAnswer(method, answer);
  return answer;
}

/** Asserts a successful answer conforms to the spec's return type of the method. */
export function checkAnswer(method: string, answer: Answer): void {
  if (!answer.body.ok) return;
  const meta = Object.values(METHODS).find((m) => m.name.toLowerCase() === method.toLowerCase());
  assert.ok(meta, `unknown method ${method}`);
  const misses = meta.returns.map((type) => conformsTo(answer.body.result, type));
  assert.ok(
    misses.includes(undefined),
    `${method} answered a value not of type ${meta.returns.join(' or ')} at ${misses[0]}`,
  );
}

/** Calls a method and returns its result, failing the test on an error answer. */
export async function ok<T = Record<string, unknown>>(
  emu: Emulator,
  token: string,
  method: string,
  params: object = {},
): Promise<T> {
  const answer = await call(emu, token, method, params);
  assert.equal(answer.body.ok, true, `${method} failed: ${answer.body.description}`);
  return answer.body.result as T;
}

/** Calls a method expecting an error; returns the answer for assertions. */
export async function fails(
  emu: Emulator,
  token: string,
  method: string,
  params: object = {},
): Promise<Answer> {
  const answer = await call(emu, token, method, params);
  assert.equal(answer.body.ok, false, `${method} unexpectedly succeeded`);
  return answer;
}

/** Fetches pending updates without waiting. */
export async function updates(
  emu: Emulator,
  token: string,
  params: object = {},
): Promise<Record<string, unknown>[]> {
  return ok<Record<string, unknown>[]>(emu, token, 'getUpdates', { timeout: 0, ...params });
}

/** Fetches pending updates and acknowledges them. */
export async function drain(emu: Emulator, token: string): Promise<Record<string, unknown>[]> {
  const list = await updates(emu, token);
  const last = list.at(-1);
  if (last !== undefined) await updates(emu, token, { offset: (last.update_id as number) + 1 });
  return list;
}

/** The text of an update's message, if any. */
export function textOf(update: Record<string, unknown> | undefined): string | undefined {
  const message = update?.message as { text?: string } | undefined;
  return message?.text;
}

/** Waits (long-polling) until the bot has an update of this kind; acknowledges everything read. */
export async function nextUpdate(
  emu: Emulator,
  token: string,
  kind: string,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    const list = await ok<Record<string, unknown>[]>(emu, token, 'getUpdates', { timeout: 1 });
    const last = list.at(-1);
    if (last !== undefined)
      await ok(emu, token, 'getUpdates', { offset: (last.update_id as number) + 1, timeout: 0 });
    const found = list.find((update) => update[kind] !== undefined);
    if (found !== undefined) return found[kind] as Record<string, unknown>;
  }
  throw new Error(`no ${kind} update`);
}
