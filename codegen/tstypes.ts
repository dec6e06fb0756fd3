/** TypeScript type expressions and runtime converters for resolved API types. */
import { literalValues, type TypeRef } from './spec.js';

/** A string literal type for a value, e.g. `'private'`. */
export function literalType(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}

function needsParens(ref: TypeRef): boolean {
  return ref.kind === 'union';
}

/** The type a parsed object exposes for a field (what `message.date` is). */
export function outputType(ref: TypeRef): string {
  switch (ref.kind) {
    case 'integer':
    case 'float':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'true':
      return 'true';
    case 'date':
      return 'Date';
    case 'literal':
      return literalType(ref.value);
    case 'file':
      return 'InputFileLike';
    case 'object':
      return ref.name;
    case 'array': {
      const inner = outputType(ref.of);
      return `readonly ${needsParens(ref.of) || ref.of.kind === 'array' ? `(${inner})` : inner}[]`;
    }
    case 'union':
      return ref.members.map(outputType).join(' | ');
  }
}

/** The type accepted as input: constructors and method parameters (plain literals or instances). */
export function inputType(ref: TypeRef): string {
  switch (ref.kind) {
    case 'date':
      return 'Date | number';
    case 'object':
      return `${ref.name}Init`;
    case 'array': {
      const inner = inputType(ref.of);
      return `readonly ${needsParens(ref.of) || ref.of.kind === 'date' || ref.of.kind === 'array' ? `(${inner})` : inner}[]`;
    }
    case 'union':
      return ref.members.map(inputType).join(' | ');
    default:
      return outputType(ref);
  }
}

/** A stable identifier fragment for a type, used to name shared converter functions. */
export function refKey(ref: TypeRef): string {
  switch (ref.kind) {
    case 'object':
      return ref.name;
    case 'array':
      return `ArrayOf${refKey(ref.of)}`;
    case 'union':
      // A union of literals is a string at run time, converted like one.
      return literalValues(ref) ? 'String' : ref.members.map(refKey).join('Or');
    case 'literal':
      return 'String';
    default:
      return ref.kind[0]?.toUpperCase() + ref.kind.slice(1);
  }
}

/** Object type names a ref mentions (for imports and converter generation). */
export function referencedObjects(ref: TypeRef, into: Set<string> = new Set()): Set<string> {
  switch (ref.kind) {
    case 'object':
      into.add(ref.name);
      break;
    case 'array':
      referencedObjects(ref.of, into);
      break;
    case 'union':
      for (const m of ref.members) referencedObjects(m, into);
      break;
    default:
      break;
  }
  return into;
}
