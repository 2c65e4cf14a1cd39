/**
 * Mini program: an outbox image is a temp file path, readable again after the page or the mini program
 * restarts within WeChat's temp-file lifetime, so nothing is copied here.
 */
export const OUTBOX_IMAGES_MAX_BYTES = Infinity;
export const OUTBOX_IMAGES_FULL = '';

export async function keepOutboxImage(_path: string, _blob: Blob | undefined): Promise<void> {}

export async function outboxImageBlob(_path: string): Promise<Blob | null> {
  return null;
}

export async function dropOutboxImage(_path: string): Promise<void> {}
