// `node bench/profile.mjs <scenario> <impl> <size> [top]`: runs one worker under `node --cpu-prof`
// (100 µs sampling) and prints the functions with the most samples, self and inclusive, as
// percentages of all samples of that process (start-up included). The profile file is kept in a
// temporary directory whose path is printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const [scenario = 'dispatch', impl = 'ours', size = '200000', topArg = '30'] = process.argv.slice(2);
const top = Number(topArg);
const dir = mkdtempSync(join(tmpdir(), 'bench-prof-'));
const flags = ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', dir];
if (scenario === 'memory') flags.push('--expose-gc');
// The fake server child of the polling scenarios inherits the flags and writes its own profile.
const run = spawnSync(process.execPath, [...flags, join(here, 'worker.mjs'), scenario, impl, size], {
  encoding: 'utf8',
});
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
console.log(run.stdout.trim());

function label(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.startsWith('file://') ? url.slice(url.indexOf(root) + root.length + 1) : url;
  return `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
}

function summarize(file) {
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const self = new Map();
  const inclusive = new Map();
  for (const [id, count] of hits) {
    const name = label(nodes.get(id));
    self.set(name, (self.get(name) ?? 0) + count);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const outer = label(nodes.get(at));
      if (seen.has(outer)) continue;
      seen.add(outer);
      inclusive.set(outer, (inclusive.get(outer) ?? 0) + count);
    }
  }
  const total = profile.samples.length;
  const list = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => `${((count / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  console.log(
    `\n== ${file}: ${total} samples ==\n-- self --\n${list(self)}\n-- inclusive --\n${list(inclusive)}`,
  );
}

for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) summarize(file);
console.log(`\nprofiles in ${dir}`);
