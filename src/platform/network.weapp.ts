import Taro from '@tarojs/taro';

/** Mini program: calls `onOnline` whenever the phone regains a network; returns the unsubscribe. */
export function onNetworkBack(onOnline: () => void): () => void {
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) onOnline();
  };
  Taro.onNetworkStatusChange(listener);
  return () => Taro.offNetworkStatusChange(listener);
}
