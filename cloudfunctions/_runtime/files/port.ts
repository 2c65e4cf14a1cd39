/**
 * Stored files (notice images now; lesson media later). In the cloud the mini program uploads straight
 * to CloudBase storage (wx.cloud.uploadFile) and sends the fileID; locally the H5 app uploads to the
 * host, which keeps files in the data folder. Functions only resolve ids to URLs and check they exist.
 */
export interface FileStore {
  /** URLs a client can display, in the same order; null for an id that does not exist. */
  urls(fileIds: string[]): Promise<Array<string | null>>;
}
