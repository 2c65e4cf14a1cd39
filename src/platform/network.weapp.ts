import Taro from '@tarojs/taro';

/** Mini program: calls `onOnline` whenever the phone regains a network; returns the unsubscribe. */
export function onNetworkBack(onOnline: () => void): () => void {
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) onOnline();
  };
  try {
    Taro.onNetworkStatusChange(listener);
  } catch {
    return () => undefined; // an old base library without the API: onShow still re-syncs
  }
  return () => {
    try {
      Taro.offNetworkStatusChange(listener);
    } catch {
      // nothing to remove
    }
  };
}
