import type { ReactNode } from 'react';
import type { MeView } from '../../domain/api/org';
import { useMe, type BoundMe } from '../../hooks/use-me';
import { DemoBanner } from '../demo-banner';
import { ErrorView, LoadingView } from '../state-views';

/**
 * Renders its children only for a signed-in, bound member; otherwise loading, the error with 重试,
 * or (inside useMe) a redirect to the demo picker or the binding page. `fetchMe`: how to ask when the
 * app does not know yet (the home page asks `org.home`, which answers `me` with everything it shows).
 */
export function MeGate({ children, fetchMe }: { children: (me: BoundMe, refresh: () => void) => ReactNode; fetchMe?: () => Promise<MeView> }) {
  const { me, error, refresh } = useMe(fetchMe);
  if (error) return <ErrorView message={error} onRetry={refresh} />;
  if (!me) return <LoadingView />;
  return (
    <>
      {me.demo && <DemoBanner />}
      {children(me, refresh)}
    </>
  );
}
