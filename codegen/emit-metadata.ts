/** Emits src/generated/metadata.ts: facts about every method and type, for the request layer and the emulator. */
import {
  apiHref,
  type CompactField,
  type CompactFieldExtra,
  type CompactMethod,
  type CompactType,
  FIELD_FILE,
  FIELD_REQUIRED,
  FIELD_UNIX_TIME,
} from '../src/base/compact-metadata.js';
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

/** A field in the compact form src/base/compact-metadata.ts expands. */
function fieldMeta(f: FieldModel): CompactField {
  let flags = f.required ? FIELD_REQUIRED : 0;
  if (f.ref.kind === 'date') flags |= FIELD_UNIX_TIME;
  if (f.ref.kind === 'file') flags |= FIELD_FILE;
  const extra: { v?: string; vs?: readonly string[]; l?: NonNullable<CompactFieldExtra['l']> } = {};
  if (f.ref.kind === 'literal') extra.v = f.ref.value;
  const values = f.ref.kind === 'union' ? literalValues(f.ref) : undefined;
  if (values !== undefined) extra.vs = values;
  if (f.limit) {
    const l = f.limit;
    extra.l = [l.min, l.max, l.unit, l.afterEntities ? 1 : 0];
  }
  return Object.keys(extra).length > 0 ? [f.name, f.types, flags, extra] : [f.name, f.types, flags];
}

/** The link, where it is not the one {@link apiHref} derives from the name. */
function ownHref(name: string, href: string): string | undefined {
  return href === apiHref(name) ? undefined : href;
}

/** A tuple without its trailing absent elements; absent ones before a present one become 0. */
function trimmed<T extends readonly unknown[]>(items: readonly unknown[]): T {
  let end = items.length;
  while (end > 0 && items[end - 1] === undefined) end--;
  return items.slice(0, end).map((item) => item ?? 0) as unknown as T;
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
  const methods: Record<string, CompactMethod> = {};
  for (const m of model.methods) {
    const fileSlots: Record<string, Slot> = {};
    for (const p of m.params) {
      const slot = finder.of(p.ref);
      if (slot !== undefined) fileSlots[p.name] = slot;
    }
    methods[m.name] = trimmed<CompactMethod>([
      m.params.map(fieldMeta),
      m.returnTypes,
      Object.keys(fileSlots).length > 0 ? fileSlots : undefined,
      ownHref(m.name, m.href),
    ]);
  }
  const entries: [string, CompactType][] = [];
  for (const u of model.unions) {
    const subtypes = [
      ...u.classMembers,
      ...u.otherMembers.map((m) => (m.kind === 'array' ? `Array of ${u.name}` : 'String')),
    ];
    const discriminator = u.resolution.by === 'discriminator' ? u.resolution.field : undefined;
    entries.push([u.name, trimmed<CompactType>([[], subtypes, discriminator, ownHref(u.name, u.href)])]);
  }
  for (const c of model.classes) {
    entries.push([
      c.name,
      trimmed<CompactType>([c.fields.map(fieldMeta), undefined, undefined, ownHref(c.name, c.href)]),
    ]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const types = Object.fromEntries(entries);
  const updateKinds = model.updateKinds.map((kind) => `'${kind}'`);
  return `${HEADER}
import { type CompactMethod, type CompactType, expandMethods, expandTypes } from '../base/compact-metadata.js';
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
export const METHODS: Readonly<Record<string, MethodMeta>> = /* @__PURE__ */ expandMethods(
  ${jsonConstant(methods)} as Record<string, CompactMethod>,
);

/** Every type of the API, by name. */
export const TYPES: Readonly<Record<string, TypeMeta>> = /* @__PURE__ */ expandTypes(
  ${jsonConstant(types)} as Record<string, CompactType>,
);
`;
}
