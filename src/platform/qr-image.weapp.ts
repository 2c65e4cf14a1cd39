import Taro from '@tarojs/taro';
import QRCode from 'qrcode';

/**
 * The mini program's <Image> reads base64 data URLs (not URL-encoded ones); the SVG `qrcode` writes is
 * plain ASCII, so its bytes are its char codes.
 */
export async function qrImage(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  const bytes = new Uint8Array(svg.length);
  for (let i = 0; i < svg.length; i++) bytes[i] = svg.charCodeAt(i) & 0xff;
  return `data:image/svg+xml;base64,${Taro.arrayBufferToBase64(bytes.buffer)}`;
}
