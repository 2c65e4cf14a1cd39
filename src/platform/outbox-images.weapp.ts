import Taro from '@tarojs/taro';

/**
 * Mini program: a picked image is a temp file, valid only for this launch of the mini program, so an
 * image queued in the outbox is copied to the user data folder (kept until sent or discarded) and the
 * outbox entry points at the copy: killing the app loses nothing. Bounded like H5's (20 MB).
 */
export const OUTBOX_IMAGES_MAX_BYTES = 20 * 1024 * 1024;
export const OUTBOX_IMAGES_FULL = '待发送的图片已达 20 MB 上限，请联网发出后再发图片';

const dir = (): string => `${Taro.env.USER_DATA_PATH}/chat-outbox`;

function usedBytes(fs: Taro.FileSystemManager): number {
  try {
    return fs.readdirSync(dir()).reduce((sum, name) => sum + (fs.statSync(`${dir()}/${name}`) as Taro.Stats).size, 0);
  } catch {
    return 0; // no folder yet
  }
}

/**
 * Copies the picked temp file into the outbox folder; resolves with the path the outbox should keep.
 * Throws Error(OUTBOX_IMAGES_FULL) when the queue is full; any other failure keeps the temp path
 * (the image still goes out while the mini program lives).
 */
export async function keepOutboxImage(path: string, size: number, _blob?: Blob): Promise<string> {
  let fs: Taro.FileSystemManager;
  try {
    fs = Taro.getFileSystemManager();
  } catch {
    return path;
  }
  if (usedBytes(fs) + size > OUTBOX_IMAGES_MAX_BYTES) throw new Error(OUTBOX_IMAGES_FULL);
  try {
    try {
      fs.mkdirSync(dir(), true);
    } catch {
      // already there
    }
    const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1] ?? 'jpg';
    const kept = `${dir()}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${ext}`;
    fs.copyFileSync(path, kept);
    return kept;
  } catch {
    return path;
  }
}

/** The upload reads the kept file by its path: no bytes to hand over here. */
export async function outboxImageBlob(_path: string): Promise<Blob | null> {
  return null;
}

export async function dropOutboxImage(path: string): Promise<void> {
  if (!path.startsWith(dir())) return;
  try {
    Taro.getFileSystemManager().unlinkSync(path);
  } catch {
    // already gone
  }
}

/** The kept file's path shows as it is. */
export async function outboxImageDisplayUrl(path: string): Promise<string> {
  return path;
}
