import Taro from '@tarojs/taro';

/** WeChat's own full-screen image viewer. */
export async function previewImage(urls: string[], current: string): Promise<void> {
  await Taro.previewImage({ urls, current });
}
