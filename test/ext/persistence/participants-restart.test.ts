// A persistent ConversationHandler and a persistent job, through an Application with a
// FilePersistence: both are stored at shutdown and back after a restart on the same file.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Application } from '../../../src/ext/application.js';
import '../../../src/ext/builder.js';
import type { CallbackContext } from '../../../src/ext/context.js';
import * as filters from '../../../src/ext/filters/index.js';
import { CommandHandler } from '../../../src/ext/handlers/command.js';
import { ConversationHandler } from '../../../src/ext/handlers/conversation.js';
import { MessageHandler } from '../../../src/ext/handlers/message.js';
import { FilePersistence } from '../../../src/ext/persistence/file-persistence.js';
import { text as textUpdate } from '../conversation/helpers.js';
import { recordingLogger, TOKEN } from '../helpers.js';

enum Step {
  NAME = 1,
  AGE = 2,
}

describe('persistent conversations and jobs across an application restart', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ttb-participants-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  function build(file: string, log: string[]): Application {
    const app = Application.builder()
      .token(TOKEN)
      .updater(null)
      .logger(recordingLogger())
      .persistence(new FilePersistence({ filepath: file }))
      .build();
    Object.defineProperty(app.bot, 'initialize', { value: async () => undefined }); // offline: no getMe
    app.jobQueue?.register('remind', async (context: CallbackContext) => {
      log.push(`remind ${String((context.job?.data as { text: string } | undefined)?.text)}`);
    });
    const text = filters.TEXT.and(filters.COMMAND.not());
    app.addHandler(
      new ConversationHandler({
        name: 'signup',
        persistent: true,
        entryPoints: [new CommandHandler('start', () => Step.NAME)],
        states: {
          [Step.NAME]: [
            new MessageHandler(text, (update) => {
              log.push(`name ${update.message?.text}`);
              return Step.AGE;
            }),
          ],
          [Step.AGE]: [
            new MessageHandler(text, (update) => {
              log.push(`age ${update.message?.text}`);
              return ConversationHandler.END;
            }),
          ],
        },
        fallbacks: [],
      }),
    );
    return app;
  }

  it('the conversation goes on where it was, and the job is scheduled again with its data', async () => {
    const file = join(dir, 'bot.json');
    const log: string[] = [];
    const first = build(file, log);
    await first.initialize();
    first.jobQueue?.runRepeating('remind', 3600, {
      persistent: true,
      name: 'hourly',
      chatId: 42,
      data: { text: 'drink water' },
    });
    await first.processUpdate(textUpdate('/start', { chatId: 42, userId: 42 }));
    await first.processUpdate(textUpdate('Ada', { chatId: 42, userId: 42 }));
    await first.shutdown();
    assert.deepEqual(log, ['name Ada']);

    const second = build(file, log);
    await second.initialize();
    const [job] = second.jobQueue?.getJobsByName('hourly') ?? [];
    assert.ok(job !== undefined, 'the persistent job came back');
    assert.equal(job.chatId, 42);
    assert.deepEqual(job.data, { text: 'drink water' });
    assert.ok(job.nextTRun instanceof Date, 'it is scheduled');
    await job.run(second);
    await second.processUpdate(textUpdate('36', { chatId: 42, userId: 42 }));
    assert.deepEqual(log, ['name Ada', 'remind drink water', 'age 36'], 'the conversation was at AGE');
    await second.shutdown();
  });
});
