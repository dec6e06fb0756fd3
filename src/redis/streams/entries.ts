/**
 * Stream entries as the workers read them: the RESP arrays of XREADGROUP and XAUTOCLAIM turned
 * into `{ id, json, updateId }`.
 */

/** One stream entry holding an update. */
export interface StreamEntry {
  /** The entry id (`1700000000000-0`). */
  readonly id: string;
  /** The update's JSON, or `undefined` when the entry holds none that parses. */
  readonly json: Record<string, unknown> | undefined;
  /** The update's `update_id`, when it has one. */
  readonly updateId: number | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the `[id, [field, value, ...]]` pairs of a reply; deleted entries (no fields) are skipped. */
export function parseEntries(raw: unknown): StreamEntry[] {
  if (!Array.isArray(raw)) return [];
  const entries: StreamEntry[] = [];
  for (const item of raw) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !Array.isArray(item[1])) continue;
    const fields = item[1] as unknown[];
    let text: unknown;
    for (let index = 0; index + 1 < fields.length; index += 2)
      if (fields[index] === 'u') text = fields[index + 1];
    let json: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = typeof text === 'string' ? JSON.parse(text) : undefined;
      if (isObject(parsed)) json = parsed;
    } catch {
      json = undefined;
    }
    const id = json?.update_id;
    entries.push({
      id: item[0],
      json,
      updateId: typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined,
    });
  }
  return entries;
}

/** The entries per stream key of an XREADGROUP reply (`[[key, entries], ...]`, or null on timeout). */
export function parseReadReply(raw: unknown): Map<string, StreamEntry[]> {
  const byStream = new Map<string, StreamEntry[]>();
  if (!Array.isArray(raw)) return byStream;
  for (const item of raw) {
    if (Array.isArray(item) && typeof item[0] === 'string') byStream.set(item[0], parseEntries(item[1]));
  }
  return byStream;
}
