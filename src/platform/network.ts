/** H5: calls `onOnline` whenever the browser comes back online; returns the unsubscribe. */
export function onNetworkBack(onOnline: () => void): () => void {
  window.addEventListener('online', onOnline);
  return () => window.removeEventListener('online', onOnline);
}
