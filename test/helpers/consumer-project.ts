/**
 * Temporary projects that use the package as a user's project does, for the tests of what a user
 * gets (README snippets, TypeScript versions, the packed tarball). Importing this module registers
 * the removal of every project it made after the test file.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './spec.js';

/** `execFile` as a promise of `{ stdout, stderr }`. */
export const run = promisify(execFile);

/** The package's name, as a user's project imports it. */
export const PACKAGE_NAME = 'typescript-telegram-bot';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder (`ttb-<label>-…`), with this package.json when `manifest` is given. */
export function tempProject(label: string, manifest?: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), `ttb-${label}-`));
  made.push(dir);
  if (manifest !== undefined) writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  return dir;
}

/** Links this checkout into the project as the installed package: its "exports" lead to dist/. */
export function linkThisPackage(dir: string): void {
  assert.ok(existsSync(resolve(PROJECT_ROOT, 'dist/index.d.ts')), 'dist/ is built (run npm run build)');
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(PROJECT_ROOT, join(dir, 'node_modules', PACKAGE_NAME), 'dir');
}

/** Links packages of this checkout's node_modules (e.g. `@types/node`) into the project's, as installed. */
export function linkInstalled(dir: string, names: readonly string[]): void {
  for (const name of names) {
    const target = join(dir, 'node_modules', name);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(resolve(PROJECT_ROOT, 'node_modules', name), target, 'dir');
  }
}

/**
 * Runs tsc (this checkout's unless `tsc` names another) on the project's `tsconfig`: `undefined`
 * when it passes, else its output.
 */
export async function compileProject(
  dir: string,
  tsconfig: string,
  timeoutMs: number,
  tsc = resolve(PROJECT_ROOT, 'node_modules/typescript/bin/tsc'),
): Promise<string | undefined> {
  return run(process.execPath, [tsc, '-p', tsconfig], { cwd: dir, timeout: timeoutMs }).then(
    () => undefined,
    (error: { stdout?: string; message: string }) => error.stdout || error.message,
  );
}

/** The compiler options every consumer project starts from: strict, Node ESM resolution, Node's types. */
export const STRICT_COMPILER_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2023', 'ESNext.Disposable'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  types: ['node'],
  strict: true,
} as const;
