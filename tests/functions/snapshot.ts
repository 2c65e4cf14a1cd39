import { COLLECTIONS } from '../../cloudfunctions/_runtime/storage/collections';
import type { Storage } from '../../cloudfunctions/_runtime/storage/port';

/** Every document of every collection, by collection and `_id`: compare two to prove nothing was written. */
export async function databaseSnapshot(storage: Storage): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(COLLECTIONS)) {
    const docs = await storage.collection(name).findAll({});
    out[name] = Object.fromEntries(docs.map((d) => [String(d._id), d]));
  }
  return out;
}
