/**
 * The README's TypeScript snippets, compiled as a user's project would compile them: each ```ts
 * block becomes a module in a temporary project whose `typescript-telegram-bot` is this checkout
 * (through its built dist/ and package.json "exports", as installed), type-checked by tsc under
 * `strict`. The testing snippet is then run and must pass: the bot it tests answers. The examples
 * are copied into the same project, as the README invites, and must compile there too.
 *
 * Conventions in README.md (so a snippet reads as a reader needs it and still compiles):
 * - ```ts            a module of its own (snippet-<line>.ts), type-checked.
 * - ```ts file=X.ts  written as X.ts, so other snippets may import it (`./bot.js`).
 * - ```ts ... run    also run with `node --test` (it must be a passing test file).
 * - ```ts nocheck    shown only, not compiled (none should need it; it says why beside it).
 * - Names a fragment uses without defining them (an `app` built in an earlier snippet, a `chatId`)
 *   are declared in an HTML comment right above the fence, hidden when the README is rendered:
 *   `<!-- snippet: declare const chatId: number; -->`; its text is put before the snippet.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import {
  compileProject,
  linkInstalled,
  linkThisPackage,
  run,
  STRICT_COMPILER_OPTIONS,
  tempProject,
} from './helpers/consumer-project.js';
import { PROJECT_ROOT } from './helpers/spec.js';

/** One ```ts block of the README. */
interface Snippet {
  /** README line of the first line of code (1-based). */
  readonly line: number;
  readonly file: string;
  readonly code: string;
  readonly preamble: string;
  readonly run: boolean;
  readonly check: boolean;
}

/** The ```ts blocks of a markdown text, with their info-string flags and declared preambles. */
function extractSnippets(markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```ts(?:\s+(.*))?$/.exec(lines[i] ?? '');
    if (fence === null) continue;
    const flags = (fence[1] ?? '').split(/\s+/).filter((flag) => flag !== '');
    const end = lines.indexOf('```', i + 1);
    assert.ok(end > i, `README.md:${i + 1}: a \`\`\`ts block is never closed`);
    const file =
      flags.find((flag) => flag.startsWith('file='))?.slice('file='.length) ?? `snippet-${i + 1}.ts`;
    snippets.push({
      line: i + 2,
      file,
      code: lines.slice(i + 1, end).join('\n'),
      preamble: preambleAbove(lines, i),
      run: flags.includes('run'),
      check: !flags.includes('nocheck'),
    });
    i = end;
  }
  return snippets;
}

/** The text of a `<!-- snippet: ... -->` comment ending on the line above the fence, or ''. */
function preambleAbove(lines: readonly string[], fence: number): string {
  const above = lines[fence - 1] ?? '';
  if (!above.trimEnd().endsWith('-->')) return '';
  let start = fence - 1;
  while (start > 0 && !(lines[start] ?? '').includes('<!--')) start--;
  const comment = lines.slice(start, fence).join('\n');
  const match = /<!--\s*snippet:([\s\S]*?)-->/.exec(comment);
  return match === null ? '' : (match[1] ?? '').trim();
}

const README = readFileSync(resolve(PROJECT_ROOT, 'README.md'), 'utf8');
const snippets = extractSnippets(README);
const project = tempProject('readme', { name: 'readme', private: true, type: 'module' });

/** Writes the temporary project: the snippets, a strict tsconfig, and node_modules links. */
function writeProject(): void {
  // The package as installed, and what the snippets use beside it.
  linkThisPackage(project);
  linkInstalled(project, ['@types/node', 'express', '@types/express', 'fastify']);
  for (const snippet of snippets.filter((s) => s.check)) {
    // The preamble goes on the snippet's first line, so tsc's line numbers stay the README's.
    writeFileSync(join(project, snippet.file), `${snippet.preamble.replace(/\n/g, ' ')} ${snippet.code}\n`);
  }
  mkdirSync(join(project, 'examples'));
  for (const name of readdirSync(resolve(PROJECT_ROOT, 'examples')).filter((file) => file.endsWith('.ts'))) {
    cpSync(resolve(PROJECT_ROOT, 'examples', name), join(project, 'examples', name));
  }
  writeFileSync(
    join(project, 'tsconfig.examples.json'),
    JSON.stringify({ extends: './tsconfig.json', files: undefined, include: ['examples'] }),
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        ...STRICT_COMPILER_OPTIONS,
        moduleDetection: 'force',
        noEmit: true,
        skipLibCheck: true,
      },
      files: snippets.filter((s) => s.check).map((s) => s.file),
    }),
  );
}

before(() => {
  writeProject();
});

function withoutTestContext(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

/** tsc's `file(line,col): error` lines, pointed at README.md's lines. */
function inReadme(output: string): string {
  return output.replace(
    /^(\S+\.ts)\((\d+),(\d+)\)/gm,
    (whole, file: string, line: string, column: string) => {
      const snippet = snippets.find((s) => s.file === file);
      return snippet === undefined
        ? whole
        : `README.md:${snippet.line + Number(line) - 1}:${column} (${file})`;
    },
  );
}

test('the README has the snippets this test relies on', () => {
  assert.ok(snippets.length >= 10, `README.md has its TypeScript snippets (found ${snippets.length})`);
  const runnable = snippets.filter((s) => s.run);
  assert.equal(runnable.length, 1, 'exactly one snippet, the testing one, is marked to run');
  assert.match(runnable[0]?.code ?? '', /runApplication/, 'the run snippet uses the runApplication helper');
  const unchecked = snippets.filter((s) => !s.check).map((s) => `README.md:${s.line}`);
  assert.deepEqual(unchecked, [], 'every snippet is compiled');
  const files = snippets.map((s) => s.file);
  assert.equal(new Set(files).size, files.length, 'file= names are unique');
});

test('every ```ts snippet of the README type-checks under strict against the package', {
  timeout: 180_000,
}, async () => {
  const errors = await compileProject(project, 'tsconfig.json', 170_000);
  assert.ok(errors === undefined, `README snippets do not compile:\n${inReadme(errors ?? '')}`);
});

test('every example, copied into a project, type-checks against the package', {
  timeout: 180_000,
}, async () => {
  const copied = readdirSync(join(project, 'examples'));
  assert.ok(copied.length >= 20, `the examples were copied (${copied.length})`);
  const errors = await compileProject(project, 'tsconfig.examples.json', 170_000);
  assert.ok(errors === undefined, `examples do not compile in a project of their own:\n${errors}`);
});

test('the testing snippet runs and passes: the bot under test answers', { timeout: 120_000 }, async () => {
  const tsx = import.meta.resolve('tsx');
  for (const snippet of snippets.filter((s) => s.run)) {
    const { stdout } = await run(
      process.execPath,
      ['--import', tsx, '--test', '--test-reporter=tap', snippet.file],
      // Without the runner's NODE_TEST_CONTEXT, which would make the child report to this runner.
      { cwd: project, timeout: 110_000, env: withoutTestContext() },
    ).catch((error: { stdout?: string; stderr?: string; message: string }) =>
      assert.fail(
        `README.md:${snippet.line} (${snippet.file}) failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`,
      ),
    );
    assert.match(stdout, /^# pass 1$/m, `README.md:${snippet.line}: its test passed`);
    assert.match(stdout, /^# fail 0$/m, `README.md:${snippet.line}: nothing failed`);
  }
});
