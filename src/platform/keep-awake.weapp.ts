import Taro from '@tarojs/taro';

/** WeChat: the phone held up for scanning must not dim; released when the display page goes. */
export function keepAwake(): () => void {
  void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
  return () => void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
}
