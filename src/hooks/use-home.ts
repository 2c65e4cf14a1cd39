import { useRef, useState } from 'react';
import type { HomeView, MeView } from '../domain/api/org';
import { orgApi } from '../platform/api';
import { setBranchChatBadge, setNoticesBadge } from '../platform/tab-badge';
import { rememberInbox } from '../utils/inbox-store';
import { useAsync, type AsyncState } from './use-async';
import { useLessonSaved } from './use-lesson-saved';
import { useOnReturn, usePageVisible } from './use-page-visibility';

/**
 * The home page's one call (`org.home`): today's lesson card, the notices list and the chat badge, and
 * — when the app does not know yet — who the member is. The home's MeGate fetches `me` through
 * `meViaHome`, and the page then takes the same answer instead of calling again.
 */
let pending: { home: Promise<HomeView>; at: number; arrived?: HomeView } | null = null;
/** A first answer older than this is not taken (it belonged to an earlier visit, e.g. before binding). */
const PENDING_MAX_AGE_MS = 30 * 1000;

/** useMe's fetcher on the home page: one `org.home` answers `me` and everything else the page shows. */
export function meViaHome(): Promise<MeView> {
  const home = orgApi('home', { me: true });
  const mine: NonNullable<typeof pending> = { home, at: Date.now() };
  pending = mine;
  // Kept once here, so the page MeGate then mounts draws with it at once, not twice.
  home.then(
    (view) => void (mine.arrived = view),
    () => undefined,
  );
  return home.then((h) => h.me ?? { bound: false, demo: false });
}

function takePending(): Promise<HomeView> | null {
  const p = pending;
  pending = null;
  return p && Date.now() - p.at < PENDING_MAX_AGE_MS ? p.home : null;
}

/** The first answer if it has already arrived (and is young): taken once, with its side effects applied. */
function takeArrived(): HomeView | null {
  const view = pending?.arrived;
  if (!view || Date.now() - pending!.at >= PENDING_MAX_AGE_MS) return null;
  pending = null;
  return remember(view);
}

/** What every answer updates besides the page: the inbox cache and the tab badges. */
function remember(view: HomeView): HomeView {
  rememberInbox(view.inbox);
  setNoticesBadge(view.inbox.unreadCount);
  if (view.chat) setBranchChatBadge(view.chat.unread, view.chat.mentioned);
  return view;
}

/** The home's data: fetched once on open (shared with MeGate), again on every return and after a lesson save lands. */
export function useHome(): AsyncState<HomeView> {
  // Mounted by MeGate once `me` came from the first answer: that answer is normally here already.
  const [initial] = useState(takeArrived);
  const home = useAsync(async () => remember(await (takePending() ?? orgApi('home', { me: false }))), [], true, initial);
  // Back from the lesson (progress changed), a notice or another tab: one fresh call, keeping the page.
  useOnReturn(() => void home.reload());
  // A save that lands after we are back (leaving saves last) refreshes the card again; saves while the
  // home is hidden wait for the return above.
  const visible = usePageVisible();
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  useLessonSaved(() => {
    if (visibleRef.current) void home.reload();
  });
  return home;
}
