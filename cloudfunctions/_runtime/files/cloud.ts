import type { FileStore } from './port';

/**
 * The part of a @cloudbase/node-sdk app the file store uses. `getTempFileURL` (3.18.3) answers
 * `{ fileList: [{ fileID, tempFileURL, code }], requestId }` with `code: 'SUCCESS'` per found file and
 * an error code (e.g. 'STORAGE_FILE_NONEXIST') otherwise; a failed request answers `{ code, message }`
 * without `fileList` (or throws). wx-server-sdk's variant reports `status: 0` instead of a code, so both
 * are accepted.
 */
export interface CloudbaseFilesLike {
  getTempFileURL(options: { fileList: string[] }): Promise<{
    fileList?: Array<{ fileID: string; tempFileURL?: string; code?: string; status?: number }>;
    code?: string;
    message?: string;
  }>;
}

/** CloudBase accepts at most 50 file ids per getTempFileURL call. */
export const TEMP_URL_BATCH = 50;

const isCloudFileId = (id: string) => /^cloud:\/\/\S+$/.test(id);

const found = (f: { tempFileURL?: string; code?: string; status?: number }) =>
  Boolean(f.tempFileURL) && (f.status === undefined ? f.code === undefined || f.code === 'SUCCESS' : f.status === 0);

/**
 * Files in CloudBase storage, uploaded by the mini program with `wx.cloud.uploadFile` (ids are
 * `cloud://…` fileIDs). Ids of another shape resolve to null without a request; a request that fails
 * as a whole throws (a storage outage is not "the file does not exist").
 */
export function cloudFileStore(app: CloudbaseFilesLike): FileStore {
  return {
    async urls(fileIds) {
      const wanted = [...new Set(fileIds.filter(isCloudFileId))];
      const resolved = new Map<string, string>();
      for (let i = 0; i < wanted.length; i += TEMP_URL_BATCH) {
        const res = await app.getTempFileURL({ fileList: wanted.slice(i, i + TEMP_URL_BATCH) });
        if (!Array.isArray(res?.fileList)) throw new Error(`getTempFileURL failed: ${res?.code ?? 'no fileList'} ${res?.message ?? ''}`.trim());
        for (const f of res.fileList) if (found(f)) resolved.set(f.fileID, f.tempFileURL!);
      }
      return fileIds.map((id) => resolved.get(id) ?? null);
    },
  };
}
