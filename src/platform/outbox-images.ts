/**
 * H5: the bytes of images waiting in the chat outbox, kept in IndexedDB under their blob: URL. The
 * outbox entry itself is in localStorage, but a blob: URL dies with the page, so without this an
 * image picked offline would be lost on reload. Bounded: a full queue refuses the next image with a
 * message instead of failing later.
 */
export const OUTBOX_IMAGES_MAX_BYTES = 20 * 1024 * 1024;
export const OUTBOX_IMAGES_FULL = '待发送的图片已达 20 MB 上限，请联网发出后再发图片';

const DB_NAME = 'wzb-outbox';
const STORE = 'images';

interface Kept {
  path: string;
  blob: Blob;
  size: number;
}

function open(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'path' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null); // private mode or blocked: the image still goes out while the page lives
  });
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  return open().then(
    (db) =>
      new Promise<T | null>((resolve) => {
        if (!db) return resolve(null);
        const tx = db.transaction(STORE, mode);
        const req = work(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result ?? null);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          resolve(null);
        };
      }),
  );
}

/**
 * Keeps `blob` until the message is sent; resolves with the path the outbox should keep (the same
 * blob: URL here). Throws Error(OUTBOX_IMAGES_FULL) when the queue is full.
 */
export async function keepOutboxImage(path: string, _size: number, blob?: Blob): Promise<string> {
  if (!blob) return path;
  const kept = (await run<Kept[]>('readonly', (s) => s.getAll() as IDBRequest<Kept[]>)) ?? [];
  const used = kept.reduce((sum, k) => sum + k.size, 0);
  if (used + blob.size > OUTBOX_IMAGES_MAX_BYTES) throw new Error(OUTBOX_IMAGES_FULL);
  await run('readwrite', (s) => s.put({ path, blob, size: blob.size } satisfies Kept));
  return path;
}

/** The kept bytes of an image picked before a reload (its blob: URL is dead by now), or null. */
export async function outboxImageBlob(path: string): Promise<Blob | null> {
  const kept = await run<Kept | undefined>('readonly', (s) => s.get(path) as IDBRequest<Kept | undefined>);
  return kept?.blob ?? null;
}

export async function dropOutboxImage(path: string): Promise<void> {
  await run('readwrite', (s) => s.delete(path));
}

const displayUrls = new Map<string, string>();

/**
 * What a pending bubble can show for `path`: the path itself while its blob: URL lives; after a reload,
 * a fresh object URL for the kept bytes (one per image, kept for the page's life).
 */
export async function outboxImageDisplayUrl(path: string): Promise<string> {
  const known = displayUrls.get(path);
  if (known) return known;
  const alive = await fetch(path).then(
    (r) => r.ok,
    () => false,
  );
  if (alive) return path;
  const blob = await outboxImageBlob(path);
  if (!blob) return path;
  const url = URL.createObjectURL(blob);
  displayUrls.set(path, url);
  return url;
}
