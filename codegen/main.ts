/** `npm run codegen [spec.json]`: regenerates src/generated from the spec (default ../shared/spec/bot-api.json). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.js';
import { loadSpec } from './spec.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SPEC = resolve(ROOT, '../shared/spec/bot-api.json');

const specPath = resolve(process.argv[2] ?? DEFAULT_SPEC);
const spec = loadSpec(specPath);
for (const [path, content] of generate(spec)) {
  const target = resolve(ROOT, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  console.log(`wrote ${path} (${content.split('\n').length} lines)`);
}
console.log(
  `${spec.version}: ${Object.keys(spec.methods).length} methods, ${Object.keys(spec.types).length} types`,
);
