/** Smallest real images of each accepted type (plus helpers) for file store and upload tests. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const GIF_1PX = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** JPEG: SOI + APP0 header is what the sniffer reads; a viewer would want more, the store does not. */
export const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
export const WEBP_HEAD = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L'), Buffer.alloc(8)]);
/** A text file that someone renamed to .png. */
export const TEXT_AS_PNG = Buffer.from('姓名,工号\n张三,H01001\n', 'utf8');
/** A valid PNG header padded to `bytes`. */
export const pngOfSize = (bytes: number): Buffer => Buffer.concat([PNG_1PX, Buffer.alloc(bytes - PNG_1PX.length)]);
