import Taro from '@tarojs/taro';

/** WeChat: the secretary's rotating QR code is scanned with the camera. */
export const canScan = true;

/**
 * Opens WeChat's scanner (QR codes only, no album: a photo of yesterday's screen must not work) and
 * returns the text it read, or null when the member cancelled.
 */
export async function scanCheckinCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return res.result || null;
  } catch (e) {
    const message = String((e as { errMsg?: string }).errMsg ?? e);
    if (message.includes('cancel')) return null;
    throw new Error('扫码失败，请重试或输入签到码');
  }
}
