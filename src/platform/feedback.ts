import Taro from '@tarojs/taro';

/** Short confirmations. icon 'none' because WeChat cuts titles with an icon to 7 characters. */
export const toast = (title: string): void => {
  void Taro.showToast({ title, icon: 'none', duration: 2000 });
};

export const toastSuccess = (title: string): void => {
  if (title.length <= 7) void Taro.showToast({ title, icon: 'success', duration: 1500 });
  else toast(title);
};

/** Copies text and tells the user; WeChat shows its own "内容已复制" toast on success. */
export async function copyText(text: string, failMessage = '复制失败，请长按邀请码手动复制'): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text });
    return true;
  } catch {
    toast(failMessage);
    return false;
  }
}
