import { startTransition } from 'react';

/**
 * H5: state updates that show data which has just arrived run as a React transition, rendered in slices of
 * a few milliseconds, so a long list arriving on a slow phone never freezes a tap or a scroll. The mini
 * program renders in its own view layer and applies them at once (show-arrived.weapp.ts).
 */
export function showArrived(update: () => void): void {
  startTransition(update);
}
