/**
 * Types of the application's options, callbacks and hooks.
 */
import type { Logger } from '../logging.js';
import type { Application } from './application.js';
import type { AnyContext, BotDataOf, BotOf, ChatDataOf, UserDataOf } from './context.js';
import type { ContextTypes } from './context-types.js';
import type { JobQueue } from './job-queue/job-queue.js';
import type { BasePersistence } from './persistence/base.js';
import type { BaseUpdateProcessor } from './processor.js';
import type { UpdateQueue } from './updater/update-queue.js';
import type { UpdateSource } from './updater/update-source.js';
import type { PollingOptions, Updater, WebhookOptions } from './updater/updater.js';

/** An error handler: `(update, context) => ...` with `context.error` set; `update` is `null` for errors outside updates. */
export type ErrorCallback<C> = {
  // Method syntax keeps the parameter bivariant, so Application<C> stays covariant in C.
  /** Handles one error; `context.error` is what was thrown. A returned promise is awaited. */
  callback(update: unknown, context: C): unknown;
}['callback'];

/** A lifecycle hook (`postInit`, `postStop`, `postShutdown`). */
export type ApplicationHook<C extends AnyContext> = {
  /** Runs once at its point of the application's life cycle; a returned promise is awaited. */
  hook(application: Application<C>): unknown;
}['hook'];

/** What the builder hands to the constructor. */
export interface ApplicationOptions<C extends AnyContext> {
  readonly bot: BotOf<C>;
  readonly updateQueue: UpdateQueue;
  readonly updater: Updater | null;
  readonly contextTypes: ContextTypes<C>;
  readonly updateProcessor: BaseUpdateProcessor;
  /** Runs after `initialize()`, before updates are fetched (set it with `ApplicationBuilder.postInit`). */
  readonly postInit?: ApplicationHook<C> | undefined;
  /** Runs after `stop()`, once no more updates are processed. */
  readonly postStop?: ApplicationHook<C> | undefined;
  /** Runs after `shutdown()`, last of all. */
  readonly postShutdown?: ApplicationHook<C> | undefined;
  readonly logger?: Logger | undefined;
  /** The job queue; `null` or absent for none. */
  readonly jobQueue?: JobQueue<C> | null | undefined;
  /** The persistence; none when left out or `null`. */
  readonly persistence?: BasePersistence<UserDataOf<C>, ChatDataOf<C>, BotDataOf<C>> | null | undefined;
  /** Where `runWorker()` takes updates from; none when left out or `null`. */
  readonly updateSource?: UpdateSource | null | undefined;
}

/** Options of {@link Application.runPolling}. */
export interface RunPollingOptions extends PollingOptions {
  /** Signals that stop the application; default SIGINT, SIGTERM, SIGABRT. `[]` installs none. */
  readonly stopSignals?: readonly NodeJS.Signals[] | undefined;
}

/** Options of {@link Application.runWebhook}: those of `Updater.startWebhook`, and the stop signals. */
export interface RunWebhookOptions extends WebhookOptions {
  /** Signals that stop the application; default SIGINT, SIGTERM, SIGABRT. `[]` installs none. */
  readonly stopSignals?: readonly NodeJS.Signals[] | undefined;
}

/** Options of {@link Application.runWorker}. */
export interface RunWorkerOptions {
  /** Signals that stop the application; default SIGINT, SIGTERM, SIGABRT. `[]` installs none. */
  readonly stopSignals?: readonly NodeJS.Signals[] | undefined;
}

/** Options of {@link Application.createTask}. */
export interface CreateTaskOptions {
  /** The update the task belongs to, handed to error handlers if it fails. */
  readonly update?: unknown;
  readonly name?: string | undefined;
}
