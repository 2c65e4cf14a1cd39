import QRCode from 'qrcode';

/**
 * A QR code of `text` as an SVG data URL: drawn by `qrcode` without a canvas, so the same code serves
 * H5 and the mini program's <Image>, and it stays sharp on a projector at any size.
 */
export async function qrImage(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
