/**
 * An unbounded asynchronous FIFO of updates (PTB's `asyncio.Queue` role): the updater (or your
 * own webhook server) puts, the application takes.
 */

/**
 * An async queue. `get()` waits for an item; `taskDone()` after an item was handled lets
 * `join()` resolve once every item put so far has been handled.
 *
 * @example
 * ```ts
 * app.updateQueue.put(Update.fromJSON(json, app.bot)); // a custom update source
 * ```
 */
export class UpdateQueue<T = unknown> {
  #items: T[] = [];
  #head = 0;
  #getters: Array<(item: T) => void> = [];
  #unfinished = 0;
  #joiners: Array<() => void> = [];
  // Completions of items put with putTracked: looked up only while some are waiting.
  #completions = new Map<T, () => void>();
  /**
   * Set by a consumer that calls {@link taskDone} for every item (the Application does): the
   * updater then confirms updates to Telegram only once they were handled (at least once: after a
   * crash, the last unconfirmed batch comes again).
   */
  consumerAcknowledges = false;

  /** Items waiting to be taken. */
  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Items put and not yet marked done. */
  get unfinished(): number {
    return this.#unfinished;
  }

  /** Adds an item; a waiting `get()` receives it at once. */
  put(item: T): void {
    this.#unfinished++;
    const getter = this.#getters.shift();
    if (getter !== undefined) getter(item);
    else this.#items.push(item);
  }

  /**
   * Adds an item and returns a promise that settles once the consumer marked that very item done
   * (`taskDone(item)`) — after its handlers finished or failed into the error handlers. Webhook
   * endpoints answer Telegram only then, so a crash loses no answered update. Only meaningful with
   * a consumer that acknowledges (see {@link consumerAcknowledges}); otherwise it resolves at once.
   * An item must not be put tracked twice while pending.
   */
  putTracked(item: T): Promise<void> {
    if (!this.consumerAcknowledges) {
      this.put(item);
      return Promise.resolve();
    }
    const done = new Promise<void>((resolve) => this.#completions.set(item, resolve));
    this.put(item);
    return done;
  }

  /**
   * Adds an item and calls `onDone` once the consumer marked that very item done
   * (`taskDone(item)`), or right away when the consumer does not acknowledge. The callback form of
   * {@link putTracked}, for a producer that follows many items without a promise each.
   */
  putThen(item: T, onDone: () => void): void {
    if (!this.consumerAcknowledges) {
      this.put(item);
      onDone();
      return;
    }
    this.#completions.set(item, onDone);
    this.put(item);
  }

  /** The next item, waiting for one if the queue is empty. */
  get(): Promise<T> {
    if (this.#head < this.#items.length) return Promise.resolve(this.#take());
    return new Promise<T>((resolve) => this.#getters.push(resolve));
  }

  /** The next item, or `undefined` when the queue is empty. */
  getNowait(): T | undefined {
    return this.#head < this.#items.length ? this.#take() : undefined;
  }

  /** Marks one taken item as handled; pass the item to settle a {@link putTracked} promise. */
  taskDone(item?: T): void {
    if (this.#unfinished === 0) throw new Error('taskDone() called more times than items were put');
    this.#unfinished--;
    if (item !== undefined && this.#completions.size !== 0) {
      const complete = this.#completions.get(item);
      if (complete !== undefined) {
        this.#completions.delete(item);
        complete();
      }
    }
    if (this.#unfinished === 0) {
      const joiners = this.#joiners;
      this.#joiners = [];
      for (const wake of joiners) wake();
    }
  }

  /** Resolves once every item put so far has been marked done. */
  join(): Promise<void> {
    if (this.#unfinished === 0) return Promise.resolve();
    return new Promise<void>((resolve) => this.#joiners.push(resolve));
  }

  #take(): T {
    const item = this.#items[this.#head] as T;
    this.#items[this.#head] = undefined as T;
    this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
}
