/**
 * Transactions for the local adapter. libsql's API is synchronous but `atomically(work)` takes async
 * work, and the local host serves many requests on one connection. So:
 * - `atomically` holds BEGIN IMMEDIATE across the awaited work and serialises with other
 *   `atomically` calls (a queue), rolling back if the work throws;
 * - an AsyncLocalStorage marks code running inside the work: nested `atomically` calls run inline,
 *   and operations from *other* requests wait until the transaction ends instead of slipping into it
 *   (and being rolled back with it);
 * - `sync(fn)` wraps one adapter operation (e.g. a multi-row update) in BEGIN IMMEDIATE, or in a
 *   SAVEPOINT when a transaction is already open (libsql's own `transaction()` does not nest).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface TxDatabase {
  exec(sql: string): unknown;
  readonly inTransaction: boolean;
}

export class TxCoordinator {
  private readonly inside = new AsyncLocalStorage<true>();
  /** Settles when the currently open `atomically` transaction (if any) ends. */
  private open: Promise<void> | null = null;
  /** The tail of the queue of `atomically` calls. */
  private queue: Promise<void> = Promise.resolve();
  private savepoints = 0;

  constructor(
    private readonly db: TxDatabase,
    private readonly onRollback: () => void = () => undefined,
  ) {}

  /**
   * Runs synchronous `fn` once no other caller's transaction is open. The check and `fn` run in the
   * same tick: awaiting a separate "ready" promise would leave a gap for a transaction to begin.
   */
  async run<R>(fn: () => R): Promise<R> {
    while (this.open && !this.inside.getStore()) await this.open;
    return fn();
  }

  async atomically<R>(work: () => Promise<R>): Promise<R> {
    if (this.inside.getStore()) return work();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queue;
    this.queue = previous.then(() => done);
    await previous;
    // Plain operations already past ready() ran synchronously, so the connection is idle here.
    this.open = done;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.inside.run(true, work);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.onRollback();
        throw error;
      }
    } finally {
      this.open = null;
      release();
    }
  }

  /** Runs synchronous `fn` atomically, nesting through savepoints. */
  sync<R>(fn: () => R): R {
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = fn();
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    }
    const name = `sp${++this.savepoints}`;
    this.db.exec(`SAVEPOINT ${name}`);
    try {
      const result = fn();
      this.db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.db.exec(`ROLLBACK TO ${name}`);
      this.db.exec(`RELEASE ${name}`);
      throw error;
    } finally {
      this.savepoints--;
    }
  }
}
