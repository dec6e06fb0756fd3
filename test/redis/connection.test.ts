import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRedisClient, loadIoredis, openRedis } from '../../src/redis/index.js';
import { cleanUp, redisSkipReason, testClient, testPrefix } from './helpers.js';

test('without ioredis installed, the error says which package to install', () => {
  assert.throws(
    () =>
      loadIoredis(() => {
        throw new Error("Cannot find module 'ioredis'");
      }),
    /npm install ioredis@6/,
    'the error names the install command',
  );
});

test('a URL opens a client the feature owns; a given client is used as it is', async (t) => {
  const skip = await redisSkipReason();
  if (skip) return t.skip(skip);
  const prefix = testPrefix();
  const given = testClient();
  const reused = openRedis(given);
  assert.equal(reused.client, given, 'a given client is not wrapped or copied');
  assert.equal(reused.owned, false, 'a given client stays the caller’s to close');
  const made = openRedis('redis://127.0.0.1:6379');
  assert.ok(isRedisClient(made.client), 'a URL yields an ioredis client');
  assert.equal(made.owned, true, 'a client made from a URL is closed by the feature');
  await made.client.set(`${prefix}k`, 'v');
  assert.equal(await given.get(`${prefix}k`), 'v', 'both clients reach the same server');
  await made.client.quit();
  await cleanUp(given, prefix);
});
