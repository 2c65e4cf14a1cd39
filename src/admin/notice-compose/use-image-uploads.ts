import { useCallback, useRef, useState } from 'react';
import { chooseImages } from '../../platform/choose-images';
import { uploadImage } from '../../platform/upload-image';
import { NOTICE_LIMITS } from '../../domain/notice/limits';
import { ERROR_MESSAGES } from '../../domain/shared/errors';
import { errorMessage } from '../../utils/error-message';

type Picked = Awaited<ReturnType<typeof chooseImages>>[number];

export interface ImageSlot {
  key: string;
  /** What the thumbnail shows: the uploaded URL, or the local file while uploading. */
  preview: string;
  fileId: string | null;
  uploading: boolean;
}

export interface ImageUploads {
  slots: ImageSlot[];
  uploading: boolean;
  /** The last failure (too large, wrong type, network), shown under the thumbnails. */
  error: string | null;
  add: () => Promise<void>;
  remove: (key: string) => void;
  /** What publish/update send: uploaded images only, in order. */
  images: Array<{ fileId: string }>;
}

let seq = 0;
const nextKey = () => `img${(seq += 1)}`;

/** Up to nine images, each uploaded as soon as it is picked so publishing is quick. */
export function useImageUploads(initial: ReadonlyArray<{ fileId: string; url: string }> = []): ImageUploads {
  const [slots, setSlots] = useState<ImageSlot[]>(() => initial.map((img) => ({ key: nextKey(), preview: img.url, fileId: img.fileId, uploading: false })));
  const [error, setError] = useState<string | null>(null);
  const count = useRef(slots.length);
  count.current = slots.length;

  const upload = useCallback(async (key: string, picked: Picked) => {
    try {
      const { fileId, url } = await uploadImage(picked);
      setSlots((prev) => prev.map((s) => (s.key === key ? { ...s, fileId, preview: url || s.preview, uploading: false } : s)));
    } catch (e) {
      setSlots((prev) => prev.filter((s) => s.key !== key));
      setError(errorMessage(e, '图片上传失败，请重试'));
    }
  }, []);

  const add = useCallback(async () => {
    const room = NOTICE_LIMITS.imagesMax - count.current;
    if (room <= 0) return setError(`最多 ${NOTICE_LIMITS.imagesMax} 张图片`);
    setError(null);
    let picked: Picked[];
    try {
      picked = await chooseImages(room);
    } catch (e) {
      // Closing the picker is not an error; a refused permission or unreadable file is.
      const message = errorMessage(e, '');
      if (message) setError(message);
      return;
    }
    const accepted = picked.slice(0, room).filter((p) => p.size <= NOTICE_LIMITS.imageMaxBytes);
    if (accepted.length < picked.length) setError(picked.length > room ? `最多 ${NOTICE_LIMITS.imagesMax} 张图片` : ERROR_MESSAGES.FILE_TOO_LARGE);
    const added = accepted.map((p) => ({ picked: p, slot: { key: nextKey(), preview: p.path, fileId: null, uploading: true } }));
    setSlots((prev) => [...prev, ...added.map((a) => a.slot)]);
    added.forEach((a) => void upload(a.slot.key, a.picked));
  }, [upload]);

  const remove = useCallback((key: string) => setSlots((prev) => prev.filter((s) => s.key !== key)), []);

  return {
    slots,
    uploading: slots.some((s) => s.uploading),
    error,
    add,
    remove,
    images: slots.filter((s): s is ImageSlot & { fileId: string } => s.fileId !== null).map((s) => ({ fileId: s.fileId })),
  };
}
