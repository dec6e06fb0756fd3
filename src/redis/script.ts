/**
 * A Lua script run by its hash (`EVALSHA`), sent in full (`EVAL`) only when the server does not
 * know it yet (after a restart or `SCRIPT FLUSH`), so every call after the first costs the hash.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** One Lua script; {@link RedisScript.run} calls it atomically on any client. */
export class RedisScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script with `keys` (`KEYS[...]`) and `args` (`ARGV[...]`); resolves to its reply. */
  async run(client: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return await client.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
