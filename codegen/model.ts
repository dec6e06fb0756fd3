/**
 * The generator's view of the API: classes, unions, fields and methods with resolved types, in a
 * deterministic order. Emitters only format what this module decides.
 */
import { EAGER_TYPES, ID_FIELDS, MIXED_ARRAYS, UNION_BY_VALUE, UPDATE, valuesOverride } from './overrides.js';
import {
  discriminatorOf,
  type LengthLimit,
  lengthLimitOf,
  listedValues,
  parseTypeName,
  resolveField,
  type Spec,
  type SpecField,
  type SpecType,
  type TypeRef,
} from './spec.js';

export interface FieldModel {
  readonly name: string;
  readonly types: readonly string[];
  readonly required: boolean;
  readonly ref: TypeRef;
  readonly limit: LengthLimit | undefined;
  /** The spec's prose, for extracting facts (codegen/docs.ts); never emitted. */
  readonly description: string;
}

/** A union of the API (ChatMember, MessageOrigin, ...): a runtime base class and a TS union type. */
export interface UnionModel {
  readonly name: string;
  readonly href: string;
  /** Members that are classes, in the spec's order. */
  readonly classMembers: readonly string[];
  /** Members that are not classes (RichText admits plain strings and arrays of itself). */
  readonly otherMembers: readonly TypeRef[];
  /** How fromJSON picks a member. */
  readonly resolution:
    | { readonly by: 'discriminator'; readonly field: string; readonly cases: readonly DiscriminatorCase[] }
    /** `member` when `field` holds `value`, else `otherwise` (see overrides' UNION_BY_VALUE). */
    | {
        readonly by: 'value';
        readonly field: string;
        readonly value: number | string;
        readonly member: string;
        readonly otherwise: string;
      }
    | { readonly by: 'shape' };
}

export interface DiscriminatorCase {
  readonly value: string;
  /** One member normally; several when members share a value (cached and non-cached inline results). */
  readonly members: readonly { readonly name: string; readonly marker: string | undefined }[];
}

export interface ClassModel {
  readonly name: string;
  readonly href: string;
  readonly fields: readonly FieldModel[];
  /** The union base class this class extends, if any. */
  readonly parent: string | undefined;
  readonly discriminator: { readonly field: string; readonly value: string } | undefined;
  /** Fields that identify an instance for equals(); empty means structural equality. */
  readonly idFields: readonly string[];
  /** Nested fields are built in the constructor even though the type only arrives from Telegram. */
  readonly eager: boolean;
}

export interface MethodModel {
  readonly name: string;
  readonly href: string;
  readonly params: readonly FieldModel[];
  readonly returns: TypeRef;
  readonly returnTypes: readonly string[];
}

export interface ApiModel {
  readonly version: string;
  readonly releaseDate: string;
  readonly changelog: string;
  readonly unions: readonly UnionModel[];
  readonly classes: readonly ClassModel[];
  readonly methods: readonly MethodModel[];
  readonly unionNames: ReadonlySet<string>;
  /** The kinds of update (the optional fields of Update), in the spec's order. */
  readonly updateKinds: readonly string[];
  /**
   * Types a method accepts as a parameter, directly or nested. The others only ever arrive from
   * Telegram, so their nested fields may be built on first read (see emit-types).
   */
  readonly inputTypeNames: ReadonlySet<string>;
}

function idFieldsOf(type: SpecType): readonly string[] {
  const listed = ID_FIELDS[type.name];
  if (listed) return listed;
  const fields = type.fields ?? [];
  if (fields.some((f) => f.name === 'file_unique_id')) return ['file_unique_id'];
  if (fields.some((f) => f.name === 'id' && f.required)) return ['id'];
  return [];
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The union a member class extends: the one whose name prefixes the member's, longest first, else the first. */
function primaryParent(type: SpecType): string | undefined {
  const parents = type.subtype_of ?? [];
  const prefixed = parents.filter((p) => type.name.startsWith(p)).sort((a, b) => b.length - a.length);
  return prefixed[0] ?? parents[0];
}

/** The kinds of update: the fields of Update other than its id. */
function updateKindsOf(spec: Spec): readonly string[] {
  const fields = spec.types[UPDATE.type]?.fields ?? [];
  return fields.filter((f) => f.name !== UPDATE.idField).map((f) => f.name);
}

function fieldOf(spec: Spec, owner: string, name: string): SpecField | undefined {
  const fields = spec.methods[owner]?.fields ?? spec.types[owner]?.fields ?? [];
  return fields.find((f) => f.name === name);
}

/**
 * The values a String field is fixed to: the override table's, else those its description lists.
 * Undefined for a free string (and for fields that are not strings).
 */
export function fixedValues(spec: Spec, owner: string, field: SpecField): readonly string[] | undefined {
  const override = valuesOverride(owner, field.name);
  if (override !== undefined) {
    if ('values' in override) return override.values;
    if ('updateKinds' in override) return updateKindsOf(spec);
    if ('plain' in override) return undefined;
    const [otherOwner = '', otherField = ''] = override.sameAs.split('.');
    const other = fieldOf(spec, otherOwner, otherField);
    return other === undefined ? undefined : fixedValues(spec, otherOwner, other);
  }
  const stringly =
    field.types.length === 1 && (field.types[0] === 'String' || field.types[0] === 'Array of String');
  return stringly ? listedValues(field.description) : undefined;
}

/** A union of arrays whose members mix in groups (see MIXED_ARRAYS), checked against the spec. */
function mixedArrayRef(owner: string, field: SpecField): TypeRef | undefined {
  const mixed = MIXED_ARRAYS[`${owner}.${field.name}`];
  if (mixed === undefined) return undefined;
  const listed = new Set(field.types.map((t) => t.replace(/^Array of /, '')));
  const grouped = new Set(mixed.groups.flat());
  // An older spec may lack a member (live photos came later); a member no group names is an error.
  const unknown = [...listed].filter((name) => !grouped.has(name));
  if (unknown.length > 0) {
    throw new Error(`MIXED_ARRAYS['${owner}.${field.name}'] has no group for ${unknown.join(', ')}`);
  }
  const arrays = mixed.groups
    .map((group) => group.filter((name) => listed.has(name)))
    .filter((group) => group.length > 0)
    .map((group): TypeRef => {
      const members = group.map((name): TypeRef => ({ kind: 'object', name }));
      return {
        kind: 'array',
        of: members.length === 1 ? (members[0] as TypeRef) : { kind: 'union', members },
      };
    });
  return arrays.length === 1 ? arrays[0] : { kind: 'union', members: arrays };
}

function toFieldModel(
  spec: Spec,
  owner: string,
  field: SpecField,
  disc?: { field: string; value: string },
): FieldModel {
  return {
    name: field.name,
    types: field.types,
    required: field.required,
    ref: mixedArrayRef(owner, field) ?? resolveField(field, disc, fixedValues(spec, owner, field)),
    limit: lengthLimitOf(field),
    description: field.description,
  };
}

/** For members sharing a discriminator value, a required field that only that member has. */
function markerFor(spec: Spec, member: string, rivals: readonly string[]): string | undefined {
  const own = spec.types[member]?.fields ?? [];
  const rivalFields = new Set(rivals.flatMap((r) => (spec.types[r]?.fields ?? []).map((f) => f.name)));
  return own.find((f) => f.required && !rivalFields.has(f.name))?.name;
}

function unionModel(spec: Spec, type: SpecType): UnionModel {
  const subtypes = type.subtypes ?? [];
  const classMembers = subtypes.filter((s) => spec.types[s] !== undefined);
  const otherMembers = subtypes.filter((s) => spec.types[s] === undefined).map(parseTypeName);
  const byValue = UNION_BY_VALUE[type.name];
  if (byValue !== undefined) {
    const { field, value, member, otherwise } = byValue;
    const resolution = { by: 'value', field, value, member, otherwise } as const;
    return { name: type.name, href: type.href, classMembers, otherMembers, resolution };
  }
  const discs = classMembers.map((m) => ({ member: m, disc: discriminatorOf(spec.types[m] as SpecType) }));
  const fields = new Set(discs.map((d) => d.disc?.field));
  const discField = discs[0]?.disc?.field;
  if (discField === undefined || fields.size !== 1 || discs.some((d) => d.disc === undefined)) {
    return { name: type.name, href: type.href, classMembers, otherMembers, resolution: { by: 'shape' } };
  }
  const grouped = new Map<string, string[]>();
  for (const { member, disc } of discs) {
    const value = disc?.value as string;
    grouped.set(value, [...(grouped.get(value) ?? []), member]);
  }
  const cases: DiscriminatorCase[] = [...grouped].map(([value, members]) => ({
    value,
    members: members.map((name) => ({
      name,
      marker:
        members.length > 1
          ? markerFor(
              spec,
              name,
              members.filter((m) => m !== name),
            )
          : undefined,
    })),
  }));
  return {
    name: type.name,
    href: type.href,
    classMembers,
    otherMembers,
    resolution: { by: 'discriminator', field: discField, cases },
  };
}

function objectNames(ref: TypeRef, out: string[]): void {
  if (ref.kind === 'object') out.push(ref.name);
  else if (ref.kind === 'array') objectNames(ref.of, out);
  else if (ref.kind === 'union') for (const member of ref.members) objectNames(member, out);
}

/** Every type reachable from a method parameter, through fields and union members. */
function inputTypeNames(spec: Spec, methods: readonly MethodModel[]): ReadonlySet<string> {
  const pending: string[] = [];
  for (const method of methods) for (const param of method.params) objectNames(param.ref, pending);
  const seen = new Set<string>();
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const type = spec.types[name];
    if (type === undefined) continue;
    for (const member of type.subtypes ?? []) pending.push(member);
    for (const field of type.fields ?? []) objectNames(resolveField(field), pending);
  }
  return seen;
}

export function buildModel(spec: Spec): ApiModel {
  const types = Object.values(spec.types);
  const unionTypes = types.filter((t) => t.subtypes !== undefined);
  const unionNames = new Set(unionTypes.map((t) => t.name));
  const unions = unionTypes.map((t) => unionModel(spec, t));

  const classes: ClassModel[] = types
    // Type names that map to a primitive (InputFile) are the library's own, not generated classes.
    .filter((t) => t.subtypes === undefined && parseTypeName(t.name).kind === 'object')
    .map((t) => {
      const parent = primaryParent(t);
      const disc = t.subtype_of ? discriminatorOf(t) : undefined;
      return {
        name: t.name,
        href: t.href,
        fields: (t.fields ?? []).map((f) => toFieldModel(spec, t.name, f, disc)),
        parent,
        discriminator: disc,
        idFields: idFieldsOf(t),
        eager: EAGER_TYPES[t.name] !== undefined,
      };
    });

  const methods: MethodModel[] = Object.values(spec.methods).map((m) => {
    const returns =
      m.returns.length === 1
        ? parseTypeName(m.returns[0] as string)
        : { kind: 'union' as const, members: m.returns.map(parseTypeName) };
    return {
      name: m.name,
      href: m.href,
      params: (m.fields ?? []).map((f) => toFieldModel(spec, m.name, f)),
      returns,
      returnTypes: m.returns,
    };
  });

  return {
    inputTypeNames: inputTypeNames(spec, methods),
    version: spec.version.replace(/^Bot API /, ''),
    releaseDate: spec.release_date,
    changelog: spec.changelog,
    unions: [...unions].sort(byName),
    classes: [...classes].sort(byName),
    methods: [...methods].sort(byName),
    unionNames,
    updateKinds: updateKindsOf(spec),
  };
}
