import type { ReactNode } from 'react';
import { useMe, type BoundMe } from '../../hooks/use-me';
import { DemoBanner } from '../demo-banner';
import { ErrorView, LoadingView } from '../state-views';

/**
 * Renders its children only for a signed-in, bound member; otherwise loading, the error with 重试,
 * or (inside useMe) a redirect to the demo picker or the binding page.
 */
export function MeGate({ children }: { children: (me: BoundMe, refresh: () => void) => ReactNode }) {
  const { me, error, refresh } = useMe();
  if (error) return <ErrorView message={error} onRetry={refresh} />;
  if (!me) return <LoadingView />;
  return (
    <>
      {me.demo && <DemoBanner />}
      {children(me, refresh)}
    </>
  );
}
