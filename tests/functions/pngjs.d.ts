/** pngjs ships no types; tests use only PNG.sync.read (decoding QR images for jsQR). */
declare module 'pngjs' {
  export const PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
}
