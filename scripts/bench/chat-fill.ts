import type { ChatMessageDoc } from '../../src/domain/chat/types';
import type { Storage } from '../../cloudfunctions/_runtime/storage/port';

/** Fills a branch with `n` text messages in bulk (bench and tests; the send path is measured elsewhere) and sets its head. */
export async function fillBranch(storage: Storage, branchId: string, senderId: string, n: number, now: number): Promise<void> {
  const docs: ChatMessageDoc[] = Array.from({ length: n }, (_, i) => {
    const clientMsgId = `bulk${String(i).padStart(12, '0')}`;
    return {
      _id: `${branchId}:${clientMsgId}`,
      branchId,
      seq: i + 1,
      rev: i + 1,
      clientMsgId,
      senderId,
      senderName: '测试',
      kind: 'text',
      text: `第 ${i + 1} 条消息`,
      image: null,
      quote: null,
      mentions: [],
      mentionAll: false,
      state: 'visible',
      createdAt: now - (n - i) * 1000,
      changedAt: null,
      removedBy: null,
      traceId: null,
    };
  });
  for (let i = 0; i < docs.length; i += 5000) await storage.collection<ChatMessageDoc>('chatMessages').insertMany(docs.slice(i, i + 5000));
  await storage.collection('chatHeads').put({ _id: branchId, kind: 'head', branchId, seq: n, rev: n, pinnedSeq: null, allSeqs: [], updatedAt: now });
}
