/** Turns a spec into the generated files, in memory: `npm run codegen` writes them, a test compares them. */
import { emitMetadata } from './emit-metadata.js';
import { emitMethods, emitParams } from './emit-methods.js';
import { emitTypes } from './emit-types.js';
import { buildModel } from './model.js';
import type { Spec } from './spec.js';

/** Paths are relative to the project root. */
export function generate(spec: Spec): Map<string, string> {
  const model = buildModel(spec);
  return new Map([
    ['src/generated/types.ts', emitTypes(model)],
    ['src/generated/params.ts', emitParams(model)],
    ['src/generated/methods.ts', emitMethods(model)],
    ['src/generated/metadata.ts', emitMetadata(model)],
  ]);
}
