import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { generate } from '../../codegen/generate.js';
import { PROJECT_ROOT, spec } from '../helpers/spec.js';

test('generated files are up to date with the spec and the generator', () => {
  const outputs = generate(spec());
  assert.equal(outputs.size, 4);
  for (const [path, content] of outputs) {
    const committed = readFileSync(resolve(PROJECT_ROOT, path), 'utf8');
    assert.ok(committed === content, `${path} is stale: run \`npm run codegen\``);
  }
});

test('generation is deterministic', () => {
  const a = generate(spec());
  const b = generate(spec());
  assert.deepEqual([...a], [...b]);
});

test('the 8.3 spec the seed documents generates too', async () => {
  const { loadSpec } = await import('../../codegen/spec.js');
  const old = generate(loadSpec(resolve(PROJECT_ROOT, '../shared/spec/bot-api-8.3.json')));
  assert.match(old.get('src/generated/metadata.ts') ?? '', /BOT_API_VERSION = '8\.3'/);
});
