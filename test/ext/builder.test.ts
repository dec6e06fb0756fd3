import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Application, type ApplicationOptions } from '../../src/ext/application.js';
import { ApplicationBuilder } from '../../src/ext/builder.js';
import { CallbackContext } from '../../src/ext/context.js';
import { ContextTypes } from '../../src/ext/context-types.js';
import { Defaults } from '../../src/ext/defaults.js';
import { ExtBot } from '../../src/ext/ext-bot.js';
import { JobQueue } from '../../src/ext/job-queue/job-queue.js';
import { PerChatUpdateProcessor, SimpleUpdateProcessor } from '../../src/ext/processor.js';
import { UpdateQueue } from '../../src/ext/updater/update-queue.js';
import { Updater } from '../../src/ext/updater/updater.js';
import { UndiciRequest } from '../../src/request/undici.js';
import { TOKEN } from './helpers.js';

describe('ApplicationBuilder', () => {
  it('builds an application with PTB defaults, but per-chat order instead of one update at a time', () => {
    const app = Application.builder().token(TOKEN).build();
    assert.ok(app.bot instanceof ExtBot);
    assert.equal(app.bot.token, TOKEN);
    assert.ok(app.updater instanceof Updater);
    assert.equal(app.updater?.updateQueue, app.updateQueue);
    assert.equal(app.concurrentUpdates, 256);
    assert.ok(app.updateProcessor instanceof PerChatUpdateProcessor, 'chats in parallel, each in order');
    assert.equal(
      Application.builder().token(TOKEN).concurrentUpdates(false).build().concurrentUpdates,
      1,
      'concurrentUpdates(false) is PTB strict order',
    );
    assert.ok(app.jobQueue instanceof JobQueue, 'a JobQueue is built by default, as PTB does with its extra');
    assert.equal(app.jobQueue.application, app);
    assert.equal(app.persistence, null, 'no persistence by default (PTB: None)');
    assert.equal(app.bot.defaults, undefined);
    assert.ok(app.bot.request instanceof UndiciRequest);
    assert.ok(app.bot.getUpdatesRequest instanceof UndiciRequest);
    assert.notEqual(app.bot.request, app.bot.getUpdatesRequest);
    assert.ok(new ApplicationBuilder().token(TOKEN).build() instanceof Application);
  });

  it('passes bot options through', () => {
    const defaults = new Defaults({ parseMode: 'HTML' });
    const app = Application.builder()
      .token(TOKEN)
      .baseUrl('http://127.0.0.1:9/custom/bot')
      .baseFileUrl('http://127.0.0.1:9/files/bot')
      .defaults(defaults)
      .localMode()
      .build();
    assert.equal(app.bot.baseUrl, `http://127.0.0.1:9/custom/bot${TOKEN}`);
    assert.equal(app.bot.baseFileUrl, `http://127.0.0.1:9/files/bot${TOKEN}`);
    assert.equal(app.bot.defaults, defaults);
    assert.equal(app.bot.localMode, true);
  });

  it('request settings reach both request objects separately', () => {
    const app = Application.builder()
      .token(TOKEN)
      .readTimeout(7)
      .connectTimeout(3)
      .writeTimeout(4)
      .poolTimeout(2)
      .connectionPoolSize(8)
      .getUpdatesReadTimeout(11)
      .getUpdatesConnectTimeout(6)
      .build();
    assert.equal(app.bot.request.readTimeout, 7);
    assert.equal(app.bot.request.defaultTimeouts.connectTimeout, 3);
    assert.equal(app.bot.request.defaultTimeouts.writeTimeout, 4);
    assert.equal(app.bot.request.defaultTimeouts.poolTimeout, 2);
    assert.equal(app.bot.getUpdatesRequest.readTimeout, 11);
    assert.equal(app.bot.getUpdatesRequest.defaultTimeouts.connectTimeout, 6);
  });

  it('every option may be set once', () => {
    assert.throws(() => Application.builder().token(TOKEN).token(TOKEN), /token was already set/);
    assert.throws(() => Application.builder().readTimeout(1).readTimeout(2), /already set/);
  });

  it('reports options that exclude each other', () => {
    const bot = new ExtBot(TOKEN);
    assert.throws(() => Application.builder().token(TOKEN).bot(bot), /bot cannot be combined with token/);
    assert.throws(() => Application.builder().bot(bot).token(TOKEN), /token cannot be combined with bot/);
    assert.throws(() => Application.builder().bot(bot).readTimeout(3), /cannot be combined with bot/);
    assert.throws(
      () => Application.builder().bot(bot).defaults(new Defaults()),
      /cannot be combined with bot/,
    );
    const request = new UndiciRequest();
    assert.throws(
      () => Application.builder().request(request).connectionPoolSize(3),
      /cannot be combined with request/,
    );
    assert.throws(
      () => Application.builder().connectionPoolSize(3).request(request),
      /request cannot be combined/,
    );
    assert.throws(
      () => Application.builder().getUpdatesRequest(request).getUpdatesReadTimeout(3),
      /cannot be combined with getUpdatesRequest/,
    );
    assert.doesNotThrow(() => Application.builder().request(request).getUpdatesReadTimeout(3));
    assert.throws(
      () => Application.builder().updater(null).updateQueue(new UpdateQueue()),
      /cannot be combined/,
    );
    const updater = new Updater(bot, new UpdateQueue());
    assert.throws(() => Application.builder().token(TOKEN).updater(updater), /cannot be combined/);
    assert.throws(
      () => Application.builder().concurrentUpdates(2).updateProcessor(new SimpleUpdateProcessor(2)),
      /cannot/,
    );
  });

  it('a prebuilt bot or updater is used as given', () => {
    const bot = new ExtBot(TOKEN);
    assert.equal(Application.builder().bot(bot).build().bot, bot);
    const queue = new UpdateQueue();
    const updater = new Updater(bot, queue);
    const app = Application.builder().updater(updater).build();
    assert.equal(app.updater, updater);
    assert.equal(app.bot, bot);
    assert.equal(app.updateQueue, queue);
    assert.equal(Application.builder().token(TOKEN).updater(null).build().updater, null);
    assert.throws(() => Application.builder().build(), /no bot token/);
  });

  it('concurrentUpdates: true is 256, a number, or a processor', () => {
    assert.equal(Application.builder().token(TOKEN).concurrentUpdates(true).build().concurrentUpdates, 256);
    assert.equal(Application.builder().token(TOKEN).concurrentUpdates(false).build().concurrentUpdates, 1);
    assert.equal(Application.builder().token(TOKEN).concurrentUpdates(12).build().concurrentUpdates, 12);
    const processor = new PerChatUpdateProcessor(5);
    assert.equal(
      Application.builder().token(TOKEN).updateProcessor(processor).build().updateProcessor,
      processor,
    );
    assert.throws(() => Application.builder().concurrentUpdates(0), RangeError);
  });

  it('features of later parts throw a clear error, except their null forms', () => {
    assert.throws(() => Application.builder().jobQueue({} as never), /jobQueue expects a JobQueue or null/);
    assert.throws(
      // @ts-expect-error: not a persistence
      () => Application.builder().persistence({}),
      /persistence must be an instance of a BasePersistence subclass/,
    );
    assert.throws(() => Application.builder().arbitraryCallbackData(0), /positive integer/);
    assert.doesNotThrow(() =>
      Application.builder()
        .token(TOKEN)
        .jobQueue(null)
        .persistence(null)
        .rateLimiter(null)
        .arbitraryCallbackData(false)
        .build(),
    );
  });

  it('jobQueue(null) builds without a job queue; jobQueue(jq) uses the one given', () => {
    assert.equal(Application.builder().token(TOKEN).jobQueue(null).build().jobQueue, null);
    const jobQueue = new JobQueue();
    const app = Application.builder().token(TOKEN).jobQueue(jobQueue).build();
    assert.equal(app.jobQueue, jobQueue);
    assert.equal(jobQueue.application, app);
  });

  it('contextTypes and applicationClass shape what is built', () => {
    class MyContext extends CallbackContext<ExtBot, { visits: number }> {
      get visits(): number {
        return this.userData?.visits ?? 0;
      }
    }
    class MyApp<C extends CallbackContext<ExtBot, { visits: number }>> extends Application<C> {
      readonly custom = true;
    }
    const types = new ContextTypes({ context: MyContext, userData: () => ({ visits: 3 }) });
    const app = Application.builder()
      .token(TOKEN)
      .contextTypes(types)
      .applicationClass(MyApp as new (options: ApplicationOptions<MyContext>) => Application<MyContext>)
      .build();
    assert.ok(app instanceof MyApp);
    assert.equal(app.contextTypes, types);
    const context = app.contextTypes.context.fromUpdate('x', app);
    assert.ok(context instanceof MyContext);
    assert.equal(app.userDataFor(1).visits, 3);
  });

  it('hooks are stored', () => {
    const hook = async () => undefined;
    const app = Application.builder().token(TOKEN).postInit(hook).postStop(hook).postShutdown(hook).build();
    assert.equal(app.postInit, hook);
    assert.equal(app.postStop, hook);
    assert.equal(app.postShutdown, hook);
  });
});
