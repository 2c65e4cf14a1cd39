import { inflateRawSync } from 'node:zlib';

/**
 * The total uncompressed size of a zip (an xlsx), checked before exceljs inflates it: a 2 MB upload can
 * inflate to gigabytes (a zip bomb), and exceljs inflates whole parts in memory. Each entry is inflated
 * with its declared size as a hard output limit, so a directory that lies about sizes is caught too.
 * Returns null when the zip cannot be read this way (not a zip, truncated, zip64, a size that lies, an
 * unknown compression method), which callers refuse.
 */
export function verifiedUnzippedBytes(zip: Buffer, maxTotal: number, maxEntries = 10_000): number | null {
  const eocd = endOfDirectory(zip);
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  if (entries > maxEntries) return null;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) return null;
    const method = zip.readUInt16LE(p + 10);
    const packed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const local = zip.readUInt32LE(p + 42);
    if (size === 0xffffffff || packed === 0xffffffff) return null;
    total += size;
    if (total > maxTotal) return total;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + packed);
    if (data.length !== packed) return null;
    if (method === 8) {
      try {
        if (inflateRawSync(data, { maxOutputLength: Math.max(1, size) }).length !== size) return null;
      } catch {
        return null; // more than declared, or corrupt
      }
    } else if (method !== 0 || packed !== size) return null;
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return total;
}

/** The end-of-central-directory record: in the last 22 bytes plus a comment of up to 65,535 bytes. */
function endOfDirectory(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
