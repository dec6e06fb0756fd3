/**
 * Expands the compact form in which codegen writes the method and type tables
 * (src/generated/metadata.ts) into the `MethodMeta` and `TypeMeta` objects the library reads.
 *
 * The tables are a third of what a bot's bundle carries, so their text leaves out what follows from
 * the rest: the key is the name, the documentation link is the API page's anchor of that name, a
 * field is optional unless flagged, a method without file slots has none. Writer and reader of this
 * format are codegen/emit-metadata.ts and this module; the codegen tests hold them together.
 */
import type { FieldMeta, LengthLimit, MethodMeta, TypeMeta } from '../generated/metadata.js';
import type { FileSlots } from '../request/types.js';

/** Bits of a compact field's flags. */
export const FIELD_REQUIRED = 1;
/** An Integer holding a Unix time. */
export const FIELD_UNIX_TIME = 2;
/** A String that may carry an upload. */
export const FIELD_FILE = 4;

/** What a compact field adds beyond its flags: the discriminator's value, literal values, a length limit. */
export interface CompactFieldExtra {
  readonly v?: string;
  readonly vs?: readonly string[];
  readonly l?: readonly [min: number, max: number, unit: LengthLimit['unit'], afterEntities: 0 | 1];
}

/** `[name, types, flags, extra?]`. */
export type CompactField = readonly [string, readonly string[], number, CompactFieldExtra?];
/** `[params, returns, fileSlots?, href?]`; `href` only where it is not the anchor of the name. */
export type CompactMethod = readonly [readonly CompactField[], readonly string[], FileSlots?, string?];
/** `[fields, subtypes?, discriminator?, href?]`; a union has no fields and lists its subtypes. */
export type CompactType = readonly [
  readonly CompactField[],
  (readonly string[] | 0)?,
  (string | 0)?,
  string?,
];

const API_PAGE = 'https://core.telegram.org/bots/api#';

/** The documentation link of a method or type, unless the table gives its own. */
export function apiHref(name: string): string {
  return API_PAGE + name.toLowerCase();
}

function expandField([name, types, flags, extra]: CompactField): FieldMeta {
  const field: {
    name: string;
    types: readonly string[];
    required: boolean;
    unixTime?: true;
    file?: true;
    value?: string;
    values?: readonly string[];
    length?: LengthLimit;
  } = { name, types, required: (flags & FIELD_REQUIRED) !== 0 };
  if ((flags & FIELD_UNIX_TIME) !== 0) field.unixTime = true;
  if ((flags & FIELD_FILE) !== 0) field.file = true;
  if (extra !== undefined) {
    if (extra.v !== undefined) field.value = extra.v;
    if (extra.vs !== undefined) field.values = extra.vs;
    if (extra.l !== undefined) {
      const [min, max, unit, afterEntities] = extra.l;
      field.length = { min, max, unit, afterEntities: afterEntities === 1 };
    }
  }
  return field;
}

/** The method table from its compact form, in the same key order. */
export function expandMethods(compact: Readonly<Record<string, CompactMethod>>): Record<string, MethodMeta> {
  const methods: Record<string, MethodMeta> = {};
  for (const name in compact) {
    const [params, returns, fileSlots, href] = compact[name] as CompactMethod;
    methods[name] = {
      name,
      href: href ?? apiHref(name),
      params: params.map(expandField),
      returns,
      fileSlots: fileSlots ?? {},
    };
  }
  return methods;
}

/** The type table from its compact form, in the same key order. */
export function expandTypes(compact: Readonly<Record<string, CompactType>>): Record<string, TypeMeta> {
  const types: Record<string, TypeMeta> = {};
  for (const name in compact) {
    const [fields, subtypes, discriminator, href] = compact[name] as CompactType;
    const meta: {
      name: string;
      href: string;
      fields: readonly FieldMeta[];
      subtypes?: readonly string[];
      discriminator?: string;
    } = { name, href: href ?? apiHref(name), fields: fields.map(expandField) };
    if (subtypes !== undefined && subtypes !== 0) meta.subtypes = subtypes;
    if (discriminator !== undefined && discriminator !== 0) meta.discriminator = discriminator;
    types[name] = meta;
  }
  return types;
}
