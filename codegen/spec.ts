/**
 * The layout of the Bot API spec file (the JSON of the community-maintained telegram-bot-api-spec)
 * and the facts the generator derives from it. Everything here is data about the API; nothing in
 * it is copied prose.
 */
import { readFileSync } from 'node:fs';

export interface SpecField {
  readonly name: string;
  readonly types: readonly string[];
  readonly required: boolean;
  readonly description: string;
}

export interface SpecMethod {
  readonly name: string;
  readonly href: string;
  readonly returns: readonly string[];
  readonly fields?: readonly SpecField[];
}

export interface SpecType {
  readonly name: string;
  readonly href: string;
  readonly fields?: readonly SpecField[];
  readonly subtypes?: readonly string[];
  readonly subtype_of?: readonly string[];
}

export interface Spec {
  readonly version: string;
  readonly release_date: string;
  readonly changelog: string;
  readonly methods: Readonly<Record<string, SpecMethod>>;
  readonly types: Readonly<Record<string, SpecType>>;
}

export function loadSpec(path: string): Spec {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Spec;
  if (
    typeof parsed.version !== 'string' ||
    typeof parsed.methods !== 'object' ||
    typeof parsed.types !== 'object'
  ) {
    throw new Error(`${path} does not look like a Bot API spec (version, methods and types expected)`);
  }
  return parsed;
}

/** A field's type, resolved from the spec's type names. */
export type TypeRef =
  | { readonly kind: 'integer' | 'float' | 'string' | 'boolean' | 'true' }
  | { readonly kind: 'date' }
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'file' }
  | { readonly kind: 'object'; readonly name: string }
  | { readonly kind: 'array'; readonly of: TypeRef }
  | { readonly kind: 'union'; readonly members: readonly TypeRef[] };

const PRIMITIVES: Readonly<Record<string, TypeRef>> = {
  Integer: { kind: 'integer' },
  Int: { kind: 'integer' },
  Float: { kind: 'float' },
  String: { kind: 'string' },
  Boolean: { kind: 'boolean' },
  True: { kind: 'true' },
  InputFile: { kind: 'file' },
};

export function parseTypeName(name: string): TypeRef {
  if (name.startsWith('Array of '))
    return { kind: 'array', of: parseTypeName(name.slice('Array of '.length)) };
  return PRIMITIVES[name] ?? { kind: 'object', name };
}

const UNIX_TIME = /\bUnix time(stamp)?\b/i;
const DISCRIMINATOR = /(?:always|must be) [“"]?([a-z0-9_]+)[”"]?/;
const ATTACHABLE = /attach:\/\//;

/** The value a union member's discriminator field always has, e.g. ChatMemberOwner.status = "creator". */
export function discriminatorOf(type: SpecType): { field: string; value: string } | undefined {
  for (const field of type.fields ?? []) {
    if (field.types.length !== 1 || field.types[0] !== 'String' || !field.required) continue;
    const match = DISCRIMINATOR.exec(field.description);
    if (match?.[1] !== undefined) return { field: field.name, value: match[1] };
  }
  return undefined;
}

/**
 * Where a description starts listing a field's fixed values: "can be either", "Currently, can be",
 * "must be one of", "one of", "either", "always", directly followed by a quoted value.
 */
const LISTING = /\b(?:(?:can|must|should) be(?: either| one of)?|one of|either|always)\s+(?=["“])/i;
const QUOTED = /["“]([^"”]+)["”]/g;
/** The end of a sentence: a period before white space or the end (not the dots of a URL or address). */
const SENTENCE_END = /\.(?:\s|$)/;

/**
 * The values a description fixes for a String field, e.g. "private" ... "channel" from "Type of the
 * chat, can be either “private”, “group”, “supergroup” or “channel”": the quoted values from the
 * listing phrase to the end of its sentence (explanations between them are skipped). Undefined when
 * the description lists none; quoted examples ("for example, ...") are not listings.
 */
export function listedValues(description: string): readonly string[] | undefined {
  const lead = LISTING.exec(description);
  if (!lead) return undefined;
  const rest = description.slice(lead.index + lead[0].length);
  const sentence = rest.split(SENTENCE_END)[0] ?? rest;
  const values = [...new Set([...sentence.matchAll(QUOTED)].map((m) => m[1] as string))];
  return values.length > 0 ? values : undefined;
}

/** A union of string literals (a single literal for one value). */
export function literalsRef(values: readonly string[]): TypeRef {
  const members = values.map((value) => ({ kind: 'literal', value }) as const);
  return members.length === 1 ? (members[0] as TypeRef) : { kind: 'union', members };
}

/** The values of a literal or a union of literals; undefined for any other ref. */
export function literalValues(ref: TypeRef): readonly string[] | undefined {
  if (ref.kind === 'literal') return [ref.value];
  if (ref.kind === 'union' && ref.members.every((m) => m.kind === 'literal'))
    return ref.members.map((m) => (m as { value: string }).value);
  return undefined;
}

/**
 * Resolves a field to its TypeRef. Integers described as Unix times become dates; a String field
 * that the API documents as accepting `attach://` uploads becomes a file slot; a discriminator
 * becomes a literal; a String (or Array of String) field with fixed `values` becomes a union of
 * literals (an array of them).
 */
export function resolveField(
  field: SpecField,
  discriminator?: { field: string; value: string },
  values?: readonly string[],
): TypeRef {
  if (discriminator && discriminator.field === field.name)
    return { kind: 'literal', value: discriminator.value };
  if (values !== undefined && values.length > 0 && field.types.length === 1) {
    if (field.types[0] === 'String') return literalsRef(values);
    if (field.types[0] === 'Array of String') return { kind: 'array', of: literalsRef(values) };
  }
  const members = field.types.map((name) => {
    const ref = parseTypeName(name);
    if (ref.kind === 'integer' && UNIX_TIME.test(field.description)) return { kind: 'date' } as const;
    if (ref.kind === 'string' && ATTACHABLE.test(field.description)) return { kind: 'file' } as const;
    return ref;
  });
  // "InputFile or String" is one file slot: a string there is a file_id, a URL or a local path.
  const withoutStringBesideFile = members.some((m) => m.kind === 'file')
    ? members.filter((m) => m.kind !== 'string')
    : members;
  if (withoutStringBesideFile.length === 1) return withoutStringBesideFile[0] as TypeRef;
  return { kind: 'union', members: withoutStringBesideFile };
}

/** Length limits written in a description, e.g. "1-4096 characters after entities parsing". */
export interface LengthLimit {
  readonly min: number;
  readonly max: number;
  readonly unit: 'characters' | 'bytes';
  readonly afterEntities: boolean;
}

export function lengthLimitOf(field: SpecField): LengthLimit | undefined {
  const range = /\b(\d+)-(\d+) (characters|bytes)\b/.exec(field.description);
  const upTo = /\bup to (\d+) (characters|bytes)\b/.exec(field.description);
  const afterEntities = /after entities parsing/.test(field.description);
  if (range) {
    return {
      min: Number(range[1]),
      max: Number(range[2]),
      unit: range[3] as 'characters' | 'bytes',
      afterEntities,
    };
  }
  if (upTo && field.types.includes('String')) {
    return { min: 0, max: Number(upTo[1]), unit: upTo[2] as 'characters' | 'bytes', afterEntities };
  }
  return undefined;
}
