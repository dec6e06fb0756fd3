import { fork } from 'node:child_process';
import { Redis } from 'ioredis';
import { streamsStatus } from '../dist/redis/index.js';
import { mixUpdates } from './lib/updates.mjs';
const client = new Redis();
const prefix = 'ttb-bench:dbg2:';
const child = fork('/work/wt-redis-streams/bench/scale-out.mjs', ['--worker', prefix, '4', 'dbg1'], { stdio: 'inherit' });
await new Promise((r) => setTimeout(r, 3000));
const ups = mixUpdates(2000);
let i = 0;
for (const u of ups) await client.call('XADD', `${prefix}{shard:${(i++) % 4}}:updates`, '*', 'u', JSON.stringify(u));
for (let k = 0; k < 5; k++) {
await new Promise((r) => setTimeout(r, 1000));
console.log(JSON.stringify((await streamsStatus(client, { shards: 4, prefix })).shards.map(s => [s.length, s.pending, s.remembered])));
}
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
for (const k of await client.keys(prefix + '*')) await client.del(k);
await client.quit();
