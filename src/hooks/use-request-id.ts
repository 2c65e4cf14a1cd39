import { useCallback, useRef } from 'react';
import { newRequestId } from '../utils/request-id';

/**
 * One request id per user intent for a create form: generated when the form opens, the same on every
 * retry and double tap of that submission (so the function creates once), and renewed only after the
 * submission succeeded, when the next tap means a new thing.
 */
export function useRequestId(): { current: () => string; renew: () => void } {
  const id = useRef<string | null>(null);
  const current = useCallback(() => (id.current ??= newRequestId()), []);
  const renew = useCallback(() => {
    id.current = newRequestId();
  }, []);
  return { current, renew };
}
