/** Emits src/generated/metadata.ts: facts about every method and type, for the request layer and the emulator. */
import { HEADER } from './header.js';
import type { ApiModel, FieldModel } from './model.js';
import { literalValues, type TypeRef } from './spec.js';

type Slot = true | { [field: string]: Slot };

/** Where files can appear below a type, following nested objects, arrays and unions. */
class FileSlotFinder {
  readonly #memo = new Map<string, Slot | undefined>();
  constructor(private readonly model: ApiModel) {}

  of(ref: TypeRef): Slot | undefined {
    switch (ref.kind) {
      case 'file':
        return true;
      case 'array':
        return this.of(ref.of);
      case 'union':
        return merge(ref.members.map((m) => this.of(m)));
      case 'object':
        return this.#ofType(ref.name);
      default:
        return undefined;
    }
  }

  #ofType(name: string): Slot | undefined {
    if (this.#memo.has(name)) return this.#memo.get(name);
    this.#memo.set(name, undefined); // guards recursive types
    const union = this.model.unions.find((u) => u.name === name);
    let slot: Slot | undefined;
    if (union) {
      slot = merge([
        ...union.classMembers.map((m) => this.#ofType(m)),
        ...union.otherMembers.map((m) => this.of(m)),
      ]);
    } else {
      const cls = this.model.classes.find((c) => c.name === name);
      const fields: Record<string, Slot> = {};
      for (const f of cls?.fields ?? []) {
        const s = this.of(f.ref);
        if (s !== undefined) fields[f.name] = s;
      }
      slot = Object.keys(fields).length > 0 ? fields : undefined;
    }
    this.#memo.set(name, slot);
    return slot;
  }
}

function merge(slots: readonly (Slot | undefined)[]): Slot | undefined {
  let out: Slot | undefined;
  for (const s of slots) {
    if (s === undefined) continue;
    if (s === true || out === true) {
      out = true;
      continue;
    }
    out ??= {};
    for (const [k, v] of Object.entries(s)) {
      const merged = merge([out[k], v]);
      if (merged !== undefined) out[k] = merged;
    }
  }
  return out;
}

function fieldMeta(f: FieldModel): Record<string, unknown> {
  const meta: Record<string, unknown> = { name: f.name, types: f.types, required: f.required };
  if (f.ref.kind === 'date') meta.unixTime = true;
  if (f.ref.kind === 'file') meta.file = true;
  if (f.ref.kind === 'literal') meta.value = f.ref.value;
  const values = f.ref.kind === 'union' ? literalValues(f.ref) : undefined;
  if (values !== undefined) meta.values = values;
  if (f.limit) {
    const l = f.limit;
    meta.length = { min: l.min, max: l.max, unit: l.unit, afterEntities: l.afterEntities };
  }
  return meta;
}

/**
 * A large constant as `JSON.parse('...')`: V8 parses JSON text several times faster than the
 * same object literal in source, which shortens every process's start-up.
 */
function jsonConstant(value: unknown): string {
  return `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
}

export function emitMetadata(model: ApiModel): string {
  const finder = new FileSlotFinder(model);
  const methods: Record<string, unknown> = {};
  for (const m of model.methods) {
    const fileSlots: Record<string, Slot> = {};
    for (const p of m.params) {
      const slot = finder.of(p.ref);
      if (slot !== undefined) fileSlots[p.name] = slot;
    }
    methods[m.name] = {
      name: m.name,
      href: m.href,
      params: m.params.map(fieldMeta),
      returns: m.returnTypes,
      fileSlots,
    };
  }
  const entries: [string, unknown][] = [];
  for (const u of model.unions) {
    const meta: Record<string, unknown> = {
      name: u.name,
      href: u.href,
      fields: [],
      subtypes: [
        ...u.classMembers,
        ...u.otherMembers.map((m) => (m.kind === 'array' ? `Array of ${u.name}` : 'String')),
      ],
    };
    if (u.resolution.by === 'discriminator') meta.discriminator = u.resolution.field;
    entries.push([u.name, meta]);
  }
  for (const c of model.classes) {
    entries.push([c.name, { name: c.name, href: c.href, fields: c.fields.map(fieldMeta) }]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const types = Object.fromEntries(entries);
  const updateKinds = model.updateKinds.map((kind) => `'${kind}'`);
  return `${HEADER}
import type { FileSlots } from '../request/types.js';

/** The Bot API version the generated code implements. */
export const BOT_API_VERSION = '${model.version}';
/** The release date of that version. */
export const BOT_API_RELEASE_DATE = '${model.releaseDate}';

/** Every kind of update (the optional fields of Update), in the API's order: \`allowed_updates\` values. */
export const UPDATE_TYPES = [${updateKinds.join(', ')}] as const;
/** One kind of update, e.g. \`'message'\` or \`'callback_query'\`. */
export type UpdateType = (typeof UPDATE_TYPES)[number];

/** A length limit stated by the API for a string parameter or field. */
export interface LengthLimit {
  readonly min: number;
  readonly max: number;
  readonly unit: 'characters' | 'bytes';
  /** The limit applies to the text after its entities (parse_mode markup) are parsed. */
  readonly afterEntities: boolean;
}

/** A parameter of a method or a field of a type, with its API type names. */
export interface FieldMeta {
  readonly name: string;
  /** Type names as the API writes them: \`Integer\`, \`String\`, \`Array of MessageEntity\`, ... */
  readonly types: readonly string[];
  readonly required: boolean;
  /** An Integer holding a Unix time (exposed as a Date). */
  readonly unixTime?: true;
  /** A String that may carry an upload (\`attach://\`). */
  readonly file?: true;
  /** The fixed value of a union variant's discriminator. */
  readonly value?: string;
  /** The values a String field may take, where the API fixes them (its literal union). */
  readonly values?: readonly string[];
  readonly length?: LengthLimit;
}

/** Facts about one Bot API method. */
export interface MethodMeta {
  readonly name: string;
  readonly href: string;
  readonly params: readonly FieldMeta[];
  readonly returns: readonly string[];
  /** Where the parameters may carry files. */
  readonly fileSlots: FileSlots;
}

/** Facts about one Bot API type; unions list their variants in \`subtypes\`. */
export interface TypeMeta {
  readonly name: string;
  readonly href: string;
  readonly fields: readonly FieldMeta[];
  readonly subtypes?: readonly string[];
  readonly discriminator?: string;
}

/** Every method of the API, by name. */
export const METHODS: Readonly<Record<string, MethodMeta>> = ${jsonConstant(methods)};

/** Every type of the API, by name. */
export const TYPES: Readonly<Record<string, TypeMeta>> = ${jsonConstant(types)};
`;
}
