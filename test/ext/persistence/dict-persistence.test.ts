// DictPersistence: the persistence contract (reopened from the JSON its getters give) and its own
// options and errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DictPersistence } from '../../../src/ext/persistence/dict-persistence.js';
import { type AnyPersistence, job, persistenceContract } from './contract.js';

function reopen(previous: AnyPersistence): DictPersistence {
  const p = previous as DictPersistence;
  return new DictPersistence({
    userDataJson: p.userDataJson,
    chatDataJson: p.chatDataJson,
    botDataJson: p.botDataJson,
    conversationsJson: p.conversationsJson,
    callbackDataJson: p.callbackDataJson,
    jobsJson: p.jobsJson,
  });
}

persistenceContract('DictPersistence', {
  rich: false,
  create: async () => new DictPersistence(),
  reopen: async (previous) => reopen(previous),
});

describe('DictPersistence', () => {
  it('starts from JSON and gives JSON back', async () => {
    const p = new DictPersistence({
      userDataJson: '{"42":{"name":"Ann"}}',
      chatDataJson: '{"-100":{"t":1}}',
      botDataJson: '{"x":[1]}',
      conversationsJson: '{"talk":{"[5,42]":"ASK"}}',
      jobsJson: JSON.stringify({ j: job('j') }),
    });
    assert.deepEqual([...(await p.getUserData())], [[42, { name: 'Ann' }]], 'user data');
    assert.deepEqual([...(await p.getChatData())], [[-100, { t: 1 }]], 'chat data');
    assert.deepEqual(await p.getBotData(), { x: [1] }, 'bot data');
    assert.deepEqual([...(await p.getConversations('talk'))], [['[5,42]', 'ASK']], 'conversations');
    assert.deepEqual((await p.getJobs()).get('j'), job('j'), 'jobs');
    await p.updateUserData(7, { name: 'Bo' });
    assert.deepEqual(JSON.parse(p.userDataJson), { 42: { name: 'Ann' }, 7: { name: 'Bo' } }, 'userDataJson');
    assert.equal(p.botDataJson, '{"x":[1]}', 'botDataJson');
    assert.equal(p.callbackDataJson, 'null', 'no callback data');
    assert.equal(new DictPersistence().botDataJson, '{}', 'no bot data yet: an empty object');
  });

  it('invalid JSON or a wrong shape names the option', () => {
    assert.throws(() => new DictPersistence({ userDataJson: '{"1": ' }), /userDataJson is not valid JSON/);
    assert.throws(
      () => new DictPersistence({ chatDataJson: '[1]' }),
      /chatDataJson must be a JSON object of ids/,
    );
    assert.throws(
      () => new DictPersistence({ userDataJson: '{"abc":{}}' }),
      /userDataJson has the key "abc"/,
    );
    assert.throws(() => new DictPersistence({ botDataJson: 'nope' }), /botDataJson is not valid JSON/);
    assert.throws(
      () => new DictPersistence({ conversationsJson: '{"talk":{"[1]":{}}}' }),
      /conversationsJson: the state of "talk" \[1\] must be a string or a number/,
    );
    assert.throws(
      () => new DictPersistence({ callbackDataJson: '{"keyboards":1}' }),
      /callbackDataJson must be null or/,
    );
    assert.throws(
      () => new DictPersistence({ jobsJson: '{"a":{"id":"b"}}' }),
      /jobsJson: the job "a" is not a stored job/,
    );
    assert.throws(
      () => new DictPersistence({ updateInterval: 0 }),
      /updateInterval must be a positive number/,
    );
  });

  it('undefined properties are left out, as JSON does', async () => {
    const p = new DictPersistence();
    await p.updateUserData(1, { a: 1, gone: undefined });
    assert.equal(p.userDataJson, '{"1":{"a":1}}');
  });
});
