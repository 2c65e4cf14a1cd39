import Taro from '@tarojs/taro';

/**
 * Mini program: a page in the background gets onHide (usePageVisible) and its JS is suspended about
 * 5 s later, so there is nothing more to ask here.
 */
export const appInForeground = (): boolean => true;

/** The app going to the background also hides its page (onHide); this covers the moment in between. */
export function onForegroundChange(callback: (foreground: boolean) => void): () => void {
  const show = () => callback(true);
  const hide = () => callback(false);
  try {
    Taro.onAppShow(show);
    Taro.onAppHide(hide);
  } catch {
    return () => undefined; // an old base library: onHide alone still covers it
  }
  return () => {
    Taro.offAppShow?.(show);
    Taro.offAppHide?.(hide);
  };
}
