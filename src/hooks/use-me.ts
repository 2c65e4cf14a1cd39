import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { MeView } from '../domain/api/org';
import { orgApi } from '../platform/api';
import { supportsDemoLogin } from '../platform/session';
import { showArrived } from '../platform/show-arrived';
import { errorCode, errorMessage } from '../utils/error-message';
import { forgetInbox } from '../utils/inbox-store';
import { ROUTES } from '../utils/routes';

export type BoundMe = Extract<MeView, { bound: true }>;

/**
 * `me` is loaded once per app session and shared by every page. A version number lets pages that stay
 * alive in the tab bar notice, when they are shown again, that someone signed in or bound meanwhile.
 */
let cached: MeView | null = null;
let inflight: Promise<MeView> | null = null;
let version = 0;

const orgMe = (): Promise<MeView> => orgApi('me', {});

/** `fetcher`: how to ask when nobody has yet (the home asks `org.home`, which answers `me` too). */
function fetchMe(fetcher: () => Promise<MeView> = orgMe): Promise<MeView> {
  if (cached) return Promise.resolve(cached);
  if (!inflight) {
    const mine = version;
    inflight = fetcher()
      .then((me) => {
        if (mine === version) cached = me;
        return me;
      })
      .finally(() => {
        if (mine === version) inflight = null;
      });
  }
  return inflight;
}

/** Forget who we are: after signing in, binding, or switching demo persona. */
export function resetMe(): void {
  forgetInbox();
  cached = null;
  inflight = null;
  version += 1;
}

/** Seeds the cache with a fresh MeView (bind actions return one), saving a round trip. */
export function primeMe(me: MeView): void {
  resetMe();
  cached = me;
}

function leaveFor(url: string): void {
  Taro.redirectTo({ url }).catch(() => Taro.reLaunch({ url }));
}

export interface UseMe {
  me: BoundMe | null;
  loading: boolean;
  error: string | null;
  refresh: () => void;
}

/**
 * The signed-in, bound member. Unknown session → the demo picker (local host) or an error;
 * not yet bound → the binding page.
 */
export function useMe(fetcher?: () => Promise<MeView>): UseMe {
  const [me, setMe] = useState<BoundMe | null>(cached?.bound ? cached : null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(!cached?.bound);
  const loadedVersion = useRef(-1);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const load = useCallback(async () => {
    loadedVersion.current = version;
    setError(null);
    setLoading(true);
    try {
      const view = await fetchMe(fetcherRef.current);
      if (!view.bound) return leaveFor(ROUTES.bind);
      showArrived(() => setMe(view));
    } catch (e) {
      if (errorCode(e) === 'UNAUTHENTICATED' && supportsDemoLogin) return leaveFor(ROUTES.demo);
      setError(errorMessage(e, '无法获取身份信息，请重试'));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useDidShow(() => {
    if (loadedVersion.current !== version) void load();
  });

  const refresh = useCallback(() => {
    resetMe();
    void load();
  }, [load]);

  return { me, loading, error, refresh };
}
