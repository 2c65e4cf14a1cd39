import { createHash } from 'node:crypto';
import { DuplicateKeyError, type Collection, type Doc } from './storage/port';

/**
 * Creates that cannot duplicate. The client sends a request id, generated once per user intent (when a
 * form opens or on its first submit) and reused on every retry and double tap. The created document's
 * `_id` is derived from (action, caller, request id), so the storage's unique `_id` decides who creates:
 * two concurrent calls race on one insert, exactly one wins, and the other answers from the winner's
 * document. No read-then-write decides uniqueness; the read in `createOnce` only spares a replay the
 * validation (a scheduled time that has passed since the first call must not turn a retry into an error).
 */

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** SHA-256 of one intent: the action, who asked (a member id) and the client's request id. */
export function requestDigest(action: string, callerId: string, requestId: string): Uint8Array {
  return createHash('sha256').update(`${action}\n${callerId}\n${requestId}`, 'utf8').digest();
}

/**
 * The document id for one intent, e.g. `n_4k…` for a notice: 16 characters of a 32-letter alphabet
 * (80 bits) after the prefix, the same shape as random ids (`newId`).
 */
export function idForRequest(prefix: string, action: string, callerId: string, requestId: string, length = 16): string {
  const bytes = requestDigest(action, callerId, requestId);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length];
  return `${prefix}_${out}`;
}

export interface CreateOnce<T extends Doc, R> {
  /** Validates, then inserts a document whose `_id` is the id given to `createOnce`; returns the result. */
  create(): Promise<R>;
  /** The result for a repeated request, from the document the first request created. */
  replay(existing: T): Promise<R>;
}

/**
 * Runs `create` at most once per document id. A repeat (sequential or concurrent) gets `replay` of the
 * stored document. A duplicate key on another unique key of the collection (not this id) is rethrown.
 */
export async function createOnce<T extends Doc, R>(collection: Collection<T>, id: string, steps: CreateOnce<T, R>): Promise<R> {
  const existing = await collection.get(id);
  if (existing) return steps.replay(existing);
  try {
    return await steps.create();
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err;
    const winner = await collection.get(id);
    if (!winner) throw err;
    return steps.replay(winner);
  }
}
