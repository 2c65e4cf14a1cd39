/**
 * Messages the member wrote that the server has not acknowledged yet. An entry is saved to the phone
 * BEFORE its request goes out, so killing the app or losing the signal loses nothing; it carries a
 * client message id that every retry repeats, and the server stores a (branch, client id) once, so a
 * retry after a lost answer never makes a second message. Entries go out one at a time in the order
 * they were written.
 *
 * States: `sending` (shown as 发送中: in flight, or waiting for the network to come back) and `failed`
 * (shown with 重发: the server refused it, e.g. the rate limit, or the network stayed away for long).
 * A text the content check refuses leaves the outbox and goes back to the composer with the reason.
 *
 * No Taro here: the store, the sender and the timers are passed in (tests give fakes).
 */
import { newClientMsgId } from '../domain/chat/client-id';

export interface OutgoingImage {
  /** Displayable now: temp file path (weapp) or blob/object URL (H5). */
  path: string;
  size: number;
  width: number;
  height: number;
  /** Set once uploaded, so a retry does not upload again. */
  fileId?: string;
}

export interface QuotePreview {
  seq: number;
  senderName: string;
  excerpt: string;
}

export interface OutgoingDraft {
  text: string;
  /** Member ids mentioned in the text. */
  mentions: string[];
  mentionAll: boolean;
  replyTo: QuotePreview | null;
  image: OutgoingImage | null;
  /** The sender answered 确认发送 to “可能包含患者隐私，确认发送？”. */
  privacyConfirmed?: boolean;
}

export interface OutboxEntry extends OutgoingDraft {
  clientId: string;
  branchId: string;
  createdAt: number;
  state: 'sending' | 'failed';
  /** Why it failed (Chinese, for the UI). */
  error: string | null;
  /** Consecutive network failures. */
  attempts: number;
}

export interface OutboxStore {
  load(): OutboxEntry[];
  save(entries: OutboxEntry[]): void;
}

/** What a failed send means for the entry. */
export type FailureKind = 'network' | 'refused' | 'draft';

export interface OutboxDeps<M> {
  store: OutboxStore;
  /** Sends one entry (uploading its image first when `image.fileId` is unset); resolves with the stored message. */
  send(entry: OutboxEntry, onUploaded: (fileId: string) => void): Promise<M>;
  classify(error: unknown): FailureKind;
  messageOf(error: unknown): string;
  onSent(entry: OutboxEntry, message: M): void;
  /** The content check refused the text: give it back to the composer. */
  onReturnedToDraft(entry: OutboxEntry, reason: string): void;
  onChange(entries: OutboxEntry[]): void;
  now?: () => number;
  newId?: () => string;
  timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(h: unknown): void };
}

/** Retry delays after network failures; after the last one the entry shows 重发 but is still retried when the network returns. */
export const OUTBOX_RETRY_MS = [1500, 3000, 6000, 12000, 30000];

/** The domain's client message id; Math.random is enough here (the id only has to be unique per branch). */
export const newClientId = (): string => newClientMsgId(Date.now(), (n) => Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256)));

export class Outbox<M> {
  private flushing = false;
  private again = false;
  private retry: unknown = null;
  private readonly timers: NonNullable<OutboxDeps<M>['timers']>;

  constructor(
    private readonly branchId: string,
    private readonly deps: OutboxDeps<M>,
  ) {
    this.timers = deps.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  }

  /** This branch's entries, oldest first. */
  entries(): OutboxEntry[] {
    return this.all()
      .filter((e) => e.branchId === this.branchId)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Saves the draft to the phone first, then tries to send it. Returns the entry. */
  add(draft: OutgoingDraft): OutboxEntry {
    const now = (this.deps.now ?? Date.now)();
    const last = this.entries().at(-1);
    const entry: OutboxEntry = {
      ...draft,
      clientId: (this.deps.newId ?? newClientId)(),
      branchId: this.branchId,
      // Strictly increasing, so order survives two sends in the same millisecond.
      createdAt: last && last.createdAt >= now ? last.createdAt + 1 : now,
      state: 'sending',
      error: null,
      attempts: 0,
    };
    this.write([...this.all(), entry]);
    // While waiting for the network to return, the new entry waits behind the older ones.
    if (this.retry === null) void this.flush();
    return entry;
  }

  /** 重发 on one entry, or (no id) every entry: after the network came back or the page was shown. */
  retryNow(clientId?: string): void {
    if (this.retry !== null) this.timers.clearTimeout(this.retry);
    this.retry = null;
    const list = this.all().map((e) =>
      e.branchId === this.branchId && (clientId !== undefined ? e.clientId === clientId : e.state === 'sending' || e.attempts > 0)
        ? { ...e, state: 'sending' as const, error: null, attempts: 0 }
        : e,
    );
    this.write(list);
    void this.flush();
  }

  /** Drops an entry the member no longer wants to send (failed ones only). */
  discard(clientId: string): void {
    this.write(this.all().filter((e) => e.clientId !== clientId));
  }

  /** Stops timers (page unload); entries stay on the phone. */
  dispose(): void {
    if (this.retry !== null) this.timers.clearTimeout(this.retry);
    this.retry = null;
  }

  /** Sends pending entries one by one, oldest first; stops at a network failure so order is kept. */
  async flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = true;
    try {
      let stalled = false;
      do {
        this.again = false;
        stalled = await this.drain();
      } while (this.again && !stalled);
    } finally {
      this.flushing = false;
    }
  }

  /** True when it stopped at a network failure (a retry is scheduled). */
  private async drain(): Promise<boolean> {
    for (;;) {
      const next = this.entries().find((e) => e.state === 'sending');
      if (!next) return false;
      try {
        const message = await this.deps.send(next, (fileId) => this.update(next.clientId, (e) => ({ ...e, image: e.image ? { ...e.image, fileId } : null })));
        this.write(this.all().filter((e) => e.clientId !== next.clientId));
        this.deps.onSent(next, message);
      } catch (error) {
        const kind = this.deps.classify(error);
        const reason = this.deps.messageOf(error);
        if (kind === 'draft') {
          this.write(this.all().filter((e) => e.clientId !== next.clientId));
          this.deps.onReturnedToDraft(next, reason);
          continue;
        }
        if (kind === 'refused') {
          this.update(next.clientId, (e) => ({ ...e, state: 'failed', error: reason, attempts: 0 }));
          continue;
        }
        const attempts = next.attempts + 1;
        const gaveUp = attempts >= OUTBOX_RETRY_MS.length;
        this.update(next.clientId, (e) => ({ ...e, attempts, state: gaveUp ? 'failed' : 'sending', error: gaveUp ? reason : null }));
        if (!gaveUp) this.scheduleRetry(OUTBOX_RETRY_MS[attempts - 1]);
        return true;
      }
    }
  }

  private scheduleRetry(ms: number): void {
    if (this.retry !== null) this.timers.clearTimeout(this.retry);
    this.retry = this.timers.setTimeout(() => {
      this.retry = null;
      void this.flush();
    }, ms);
  }

  private all(): OutboxEntry[] {
    try {
      const list = this.deps.store.load();
      return Array.isArray(list) ? list : [];
    } catch {
      return [];
    }
  }

  private update(clientId: string, fn: (e: OutboxEntry) => OutboxEntry): void {
    this.write(this.all().map((e) => (e.clientId === clientId ? fn(e) : e)));
  }

  private write(list: OutboxEntry[]): void {
    this.deps.store.save(list);
    this.deps.onChange(list.filter((e) => e.branchId === this.branchId).sort((a, b) => a.createdAt - b.createdAt));
  }
}
