/**
 * Builds JSON for any Bot API type from the generated metadata: every field filled, nested types
 * followed to a bounded depth (then only required fields), union types as a chosen variant.
 */
import { type FieldMeta, TYPES } from '../../src/generated/metadata.js';

const UNIX_TIME = 1_700_000_000;

function valueFor(typeName: string, field: FieldMeta, owner: string, depth: number): unknown {
  if (typeName.startsWith('Array of ')) return [valueFor(typeName.slice(9), field, owner, depth)];
  switch (typeName) {
    case 'Integer':
      if (owner === 'InaccessibleMessage' && field.name === 'date') return 0;
      return field.unixTime ? UNIX_TIME : 42;
    case 'Float':
      return 1.5;
    case 'String':
      return field.value ?? (field.file ? 'AgACAgIAAxkBAAIB' : `${owner}.${field.name}`);
    case 'Boolean':
    case 'True':
      return true;
    case 'InputFile':
      return 'AgACAgIAAxkBAAIB';
    default:
      return sampleOf(typeName, depth + 1);
  }
}

/** JSON for `typeName`; for a union, its first variant (or `variant` when given). */
export function sampleOf(typeName: string, depth = 0, variant?: string): Record<string, unknown> | string {
  const meta = TYPES[typeName];
  if (meta === undefined) throw new Error(`unknown type ${typeName}`);
  if (meta.subtypes !== undefined) {
    // Deep inside a recursive union (RichText), stop at its plain-string form.
    if (variant === undefined && depth > 2 && meta.subtypes.includes('String')) return `${typeName} text`;
    const chosen = variant ?? meta.subtypes.find((s) => TYPES[s] !== undefined);
    if (chosen === undefined) throw new Error(`${typeName} has no class variant`);
    return sampleOf(chosen, depth);
  }
  const out: Record<string, unknown> = {};
  for (const field of meta.fields) {
    if (!field.required && depth > 2) continue;
    const first = field.types[0] as string;
    out[field.name] = valueFor(first, field, typeName, depth);
  }
  return out;
}
