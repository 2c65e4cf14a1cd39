import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { ChatMessageView, ChatOpenView } from '../../domain/api/chat';
import { CHAT_LIMITS } from '../../domain/chat/limits';
import { chatApi } from '../../platform/api';
import { onNetworkBack } from '../../platform/network';
import { dropOutboxImage, outboxImageBlob } from '../../platform/outbox-images';
import { outboxStore } from '../../platform/outbox-store';
import { subscribeBranch, type Ring } from '../../platform/realtime';
import { setBranchChatBadge } from '../../platform/tab-badge';
import { uploadImage } from '../../platform/upload-image';
import { Outbox, type FailureKind, type OutboxEntry, type OutgoingDraft } from '../../utils/chat-outbox';
import { applyChanges, appendNewer, emptyTimeline, maxRev, prependOlder, type Timeline } from '../../utils/chat-timeline';
import { errorCode, errorMessage } from '../../utils/error-message';

/** What stays fixed for a visit: who we are, where the divider goes, what we may do. */
export type RoomMeta = Omit<ChatOpenView, 'messages' | 'hasOlder' | 'hasNewer' | 'pinned' | 'head'>;

export interface ChatRoom {
  meta: RoomMeta | null;
  branchId: string | null;
  timeline: Timeline;
  pinned: ChatMessageView | null;
  outbox: OutboxEntry[];
  error: string | null;
  loadingOlder: boolean;
  reload(): void;
  loadOlder(): Promise<void>;
  loadNewer(): Promise<void>;
  /** Makes sure `seq` is loaded (replacing the window when it is far away). */
  loadAround(seq: number): Promise<void>;
  send(draft: OutgoingDraft): void;
  retry(clientId: string): void;
  discard(clientId: string): void;
  /** Applies a changed message (recall, removal) answered by the function. */
  applyMessage(m: ChatMessageView): void;
  setPinned(m: ChatMessageView | null): void;
}

/** Failures that are the network's (retry later) vs the server's verdict on this message. */
export function classifySendError(e: unknown): FailureKind {
  const code = errorCode(e);
  if (code === null || code === 'NETWORK' || code === 'INTERNAL') return 'network';
  if (code === 'CONTENT_FLAGGED' || code === 'CHAT_PRIVACY_CONFIRM' || code === 'CHAT_EMPTY') return 'draft';
  return 'refused';
}

const SYNC_ROUNDS_MAX = 5;
/** Re-syncs (0.8 s, doubling, at most 8 s apart) while a send in flight holds syncedRev below the head; the server settles such a gap within CHAT_LIMITS.settleMs. */
const SETTLE_RETRY_MS = 800;
const SETTLE_TRIES_MAX = 8;

/**
 * What the member has seen, which is all the read cursor may cover: nothing while the page is hidden
 * (another page on top, another tab, the app in the background); while they read history above the
 * newest messages, only up to `upToSeq` (what was loaded when they left the bottom).
 */
export interface ReadGate {
  seen: boolean;
  /** null: following the newest messages at the bottom. */
  upToSeq: number | null;
}

/**
 * One branch's chat for the page: opens on the first unread, follows the doorbell (sync by revision),
 * pages history by seq, sends through the outbox and advances the read cursor.
 */
export function useChatRoom(requestedBranchId: string | undefined, onReturnedToDraft: (entry: OutboxEntry, reason: string) => void, gate: ReadGate): ChatRoom {
  const [meta, setMeta] = useState<RoomMeta | null>(null);
  const [branchId, setBranchId] = useState<string | null>(null);
  const [timeline, setTimeline] = useState<Timeline>(emptyTimeline);
  const [pinned, setPinned] = useState<ChatMessageView | null>(null);
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const timelineRef = useRef(timeline);
  timelineRef.current = timeline;
  const lastRev = useRef(0);
  const readSeq = useRef(0);
  const syncing = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });
  const syncRef = useRef<() => Promise<void>>(async () => undefined);
  const settleTries = useRef(0);
  const subRef = useRef<{ resync(): void } | null>(null);
  const returnedRef = useRef(onReturnedToDraft);
  returnedRef.current = onReturnedToDraft;

  const commit = useCallback((t: Timeline) => {
    timelineRef.current = t;
    setTimeline(t);
  }, []);

  // Open: one call lands on the first unread.
  useEffect(() => {
    let cancelled = false;
    setError(null);
    chatApi('open', requestedBranchId ? { branchId: requestedBranchId } : {})
      .then((view) => {
        if (cancelled) return;
        const { messages, hasOlder, hasNewer, pinned: pin, head, ...rest } = view;
        // syncedRev, not head.rev: the head may already count a send whose message is not stored yet.
        lastRev.current = view.syncedRev ?? Math.max(head.rev, maxRev(messages, 0));
        // Opening marked the page read when it reaches the newest message (`readUpTo`): no `read` call follows.
        readSeq.current = view.readUpTo ?? view.readSeq;
        if (view.readUpTo !== undefined && view.readUpTo > view.readSeq) setBranchChatBadge(Math.max(0, head.seq - view.readUpTo), false);
        setMeta(rest);
        setBranchId(head.branchId);
        setPinned(pin);
        commit({ messages, hasOlder, hasNewer });
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorMessage(e, '支部交流加载失败，请重试'));
      });
    return () => {
      cancelled = true;
    };
  }, [requestedBranchId, attempt, commit]);

  const markRead = useCallback(
    (t: Timeline) => {
      const last = t.messages.at(-1);
      if (!branchId || !last || !gate.seen) return;
      const upTo = gate.upToSeq === null ? (t.hasNewer ? 0 : last.seq) : Math.min(gate.upToSeq, last.seq);
      if (upTo <= readSeq.current) return;
      readSeq.current = upTo;
      chatApi('read', { branchId, seq: upTo })
        .then((r) => setBranchChatBadge(r.unread, false))
        .catch(() => {
          readSeq.current = 0; // try again next time
        });
    },
    [branchId, gate.seen, gate.upToSeq],
  );

  useEffect(() => {
    if (meta) markRead(timeline);
  }, [meta, timeline, markRead]);

  /** Fetches every change after the last revision we hold; serialised, re-run when rung meanwhile. */
  const sync = useCallback(async () => {
    if (!branchId) return;
    const s = syncing.current;
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = true;
    let behind = false;
    try {
      do {
        s.again = false;
        for (let round = 0; round < SYNC_ROUNDS_MAX; round++) {
          const res = await chatApi('sync', { branchId, afterRev: lastRev.current });
          commit(applyChanges(timelineRef.current, res.messages));
          setPinned(res.pinned);
          lastRev.current = res.syncedRev;
          behind = res.syncedRev < res.head.rev;
          if (!res.more) break;
        }
      } while (s.again);
      // A send raised the head but its message is not stored yet: no new ring will come for it, so look again soon.
      if (behind && settleTries.current < SETTLE_TRIES_MAX) {
        settleTries.current += 1;
        setTimeout(() => void syncRef.current(), Math.min(SETTLE_RETRY_MS * 2 ** (settleTries.current - 1), 8000));
      } else if (!behind) settleTries.current = 0;
    } catch {
      // offline: the next ring, onShow or the network coming back syncs again
    } finally {
      s.running = false;
    }
  }, [branchId, commit]);
  syncRef.current = sync;

  const onRing = useCallback(
    (ring: Ring) => {
      if (ring.head && ring.head.rev <= lastRev.current) return;
      void sync();
    },
    [sync],
  );

  // The outbox for this branch: survives the page and the app.
  const outbox = useMemo(
    () =>
      branchId
        ? new Outbox<ChatMessageView>(branchId, {
            store: outboxStore,
            send: async (entry, onUploaded) => {
              let image: { fileId: string; width: number; height: number } | null = null;
              if (entry.image) {
                let fileId = entry.image.fileId;
                if (!fileId) {
                  // After a reload (H5) the picked blob: URL is dead: the bytes were kept for this.
                  const blob = (await outboxImageBlob(entry.image.path)) ?? undefined;
                  fileId = (await uploadImage({ path: entry.image.path, size: entry.image.size, blob })).fileId;
                  onUploaded(fileId);
                }
                image = { fileId, width: entry.image.width, height: entry.image.height };
              }
              const res = await chatApi('send', {
                branchId,
                clientMsgId: entry.clientId,
                kind: image ? 'image' : 'text',
                text: entry.text,
                image,
                quoteSeq: entry.replyTo?.seq ?? null,
                mentionIds: entry.mentions,
                mentionAll: entry.mentionAll,
                privacyConfirmed: entry.privacyConfirmed ?? false,
              });
              return res.message;
            },
            classify: classifySendError,
            messageOf: (e) => errorMessage(e, '发送失败'),
            onSent: (entry, message) => {
              commit(applyChanges(timelineRef.current, [message]));
              if (entry.image) void dropOutboxImage(entry.image.path);
              // Nothing else changed since our last sync: the doorbell ringing for this send has nothing to fetch.
              if (message.rev === lastRev.current + 1) lastRev.current = message.rev;
            },
            onReturnedToDraft: (entry, reason) => returnedRef.current(entry, reason),
            onChange: setEntries,
          })
        : null,
    [branchId, commit],
  );

  useEffect(() => {
    if (!outbox) return undefined;
    setEntries(outbox.entries());
    outbox.retryNow(); // left over from the last visit (or a killed app)
    return () => outbox.dispose();
  }, [outbox]);

  useEffect(() => {
    if (!branchId || !meta) return undefined;
    const sub = subscribeBranch(branchId, onRing);
    const off = onNetworkBack(() => {
      outbox?.retryNow();
      sub.resync();
    });
    subRef.current = sub;
    return () => {
      off();
      sub.close();
      subRef.current = null;
    };
  }, [branchId, meta, onRing, outbox]);

  // Back in the foreground (the watch may have died with the suspended app): re-sync and resend.
  useDidShow(() => {
    subRef.current?.resync();
    outbox?.retryNow();
  });

  const loadOlder = useCallback(async () => {
    const t = timelineRef.current;
    const first = t.messages[0];
    if (!branchId || !first || !t.hasOlder || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await chatApi('list', { branchId, beforeSeq: first.seq, limit: CHAT_LIMITS.page });
      commit(prependOlder(timelineRef.current, page.messages, page.hasMore));
    } catch {
      // stays as it is; scrolling up again retries
    } finally {
      setLoadingOlder(false);
    }
  }, [branchId, loadingOlder, commit]);

  const loadNewer = useCallback(async () => {
    const t = timelineRef.current;
    const last = t.messages.at(-1);
    if (!branchId || !last || !t.hasNewer) return;
    try {
      const page = await chatApi('list', { branchId, afterSeq: last.seq, limit: CHAT_LIMITS.page });
      commit(appendNewer(timelineRef.current, page.messages, page.hasMore));
    } catch {
      // retried on the next scroll to the bottom
    }
  }, [branchId, commit]);

  const loadAround = useCallback(
    async (seq: number) => {
      const t = timelineRef.current;
      if (!branchId || (t.messages.length > 0 && seq >= t.messages[0].seq && seq <= (t.messages.at(-1)?.seq ?? 0))) return;
      // A new window: the page ending at `seq`, then the page after it.
      const [before, after] = await Promise.all([
        chatApi('list', { branchId, beforeSeq: seq + 1, limit: CHAT_LIMITS.page }),
        chatApi('list', { branchId, afterSeq: seq, limit: CHAT_LIMITS.page }),
      ]);
      commit({ messages: [...before.messages, ...after.messages], hasOlder: before.hasMore, hasNewer: after.hasMore });
    },
    [branchId, commit],
  );

  return {
    meta,
    branchId,
    timeline,
    pinned,
    outbox: entries,
    error,
    loadingOlder,
    reload: () => setAttempt((n) => n + 1),
    loadOlder,
    loadNewer,
    loadAround,
    send: (draft) => {
      if (!outbox) throw new Error('chat not open');
      outbox.add(draft);
    },
    retry: (clientId) => outbox?.retryNow(clientId),
    discard: (clientId) => {
      const image = outbox?.entries().find((e) => e.clientId === clientId)?.image;
      outbox?.discard(clientId);
      if (image) void dropOutboxImage(image.path);
    },
    applyMessage: (m) => commit(applyChanges(timelineRef.current, [m])),
    setPinned,
  };
}
