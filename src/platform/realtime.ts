import { readSessionToken } from './session';
import { readHead, reconnectDelay, type ChatSubscription, type Ring } from './realtime-types';

export type { BranchHead, ChatSubscription, Ring } from './realtime-types';

/** The local host's doorbell stream for one branch (Server-Sent Events). */
export const streamUrl = (branchId: string, token: string | null): string =>
  `${LOCAL_API_BASE}/api/chat/stream?branchId=${encodeURIComponent(branchId)}${token ? `&token=${encodeURIComponent(token)}` : ''}`;

/**
 * H5: an EventSource on the local host. EventSource cannot send headers, so the session token goes in
 * the query. The browser reconnects by itself after a dropped connection; every `open` rings a re-sync
 * (something may have been missed meanwhile). When the browser gives up (CLOSED: the host refused us or
 * is gone) we reconnect with a growing delay. Going back online re-syncs at once.
 */
export function subscribeBranch(branchId: string, onRing: (ring: Ring) => void): ChatSubscription {
  let source: EventSource | null = null;
  let closed = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const stop = () => {
    if (retry) clearTimeout(retry);
    retry = null;
    source?.close();
    source = null;
  };

  const open = () => {
    if (closed) return;
    stop();
    const es = new EventSource(streamUrl(branchId, readSessionToken()));
    source = es;
    es.onopen = () => {
      if (source !== es) return;
      failures = 0;
      onRing({ reason: 'connected', head: null });
    };
    es.onmessage = (ev: MessageEvent<string>) => {
      if (source !== es) return;
      let data: unknown = null;
      try {
        data = JSON.parse(ev.data);
      } catch {
        // not JSON: still a ring
      }
      onRing({ reason: 'change', head: readHead(data) });
    };
    es.onerror = () => {
      if (source !== es) return;
      onRing({ reason: 'error', head: null });
      if (es.readyState !== EventSource.CLOSED) return; // the browser retries by itself
      es.close();
      source = null;
      retry = setTimeout(open, reconnectDelay(failures));
      failures += 1;
    };
  };

  const online = () => resync();
  const resync = () => {
    if (closed) return;
    onRing({ reason: 'resync', head: null });
    if (!source || source.readyState === EventSource.CLOSED) {
      failures = 0;
      open();
    }
  };

  window.addEventListener('online', online);
  open();
  return {
    resync,
    close: () => {
      closed = true;
      window.removeEventListener('online', online);
      stop();
    },
  };
}
