import { CHAT_LIMITS, CHAT_PAGE_PATH } from '../../../src/domain/chat/limits';
import { keepLatestSeqs } from '../../../src/domain/chat/mentions';
import { cursorId, type ChatCursorDoc, type ChatMessageDoc } from '../../../src/domain/chat/types';
import type { Member } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { reachDepsOf } from '../../_runtime/reach/deps';
import { startReminder } from '../../_runtime/reach/remind-round';
import { formatShanghai } from '../../notices/src/time';
import type { ChatCaller } from './access';
import { freshCursor } from './cursor';
import { smallDocs } from './store';

/**
 * After a message with mentions is stored: each explicitly mentioned member's cursor remembers the seq
 * (the badge's @ mark and the “jump to @me”; @全体成员 lives on the head instead, one write not fifty),
 * and each mentioned member is reminded ONCE through the reminder engine (a WeChat message where they
 * hold a credit, the notice reminder template and credit pool; WeCom where configured). Ordinary messages never push. Failures here never fail the send.
 */
export async function notifyMentions(ctx: FunctionContext, caller: ChatCaller, message: ChatMessageDoc, roster: Member[]): Promise<void> {
  if (message.mentions.length === 0 && !message.mentionAll) return;
  const explicit = new Set(message.mentions.map((m) => m.memberId));
  const targets = roster.filter((m) => m._id !== caller.actor.memberId && m.openid && (message.mentionAll || explicit.has(m._id)));
  for (const member of targets) {
    if (explicit.has(member._id)) await rememberMention(ctx, member, message.seq).catch((err) => console.error('[chat] mention cursor', err));
  }
  if (targets.length === 0) return;
  // One reminder per message through the engine: best channel each (WeChat credit, WeCom), held back
  // by quiet hours, never a second round; the id makes a retried send push once.
  const excerpt = message.kind === 'image' ? '[图片]' : message.text;
  await startReminder(ctx, reachDepsOf(ctx), {
    reminderId: `mention:${message.branchId}:${message.seq}`,
    source: { kind: 'mention', id: message._id, branchId: message.branchId },
    by: caller.actor.memberId,
    memberIds: targets.map((t) => t._id),
    escalate: false,
    message: {
      kind: 'mention',
      urgent: false,
      title: message.mentionAll ? `${caller.member.name}@了全体成员` : `${caller.member.name}在支部交流中@了你`,
      from: caller.member.name,
      time: formatShanghai(message.createdAt),
      tip: excerpt,
      page: `${CHAT_PAGE_PATH}?seq=${message.seq}`,
    },
  });
}

async function rememberMention(ctx: FunctionContext, member: Member, seq: number): Promise<void> {
  const docs = smallDocs(ctx);
  const id = cursorId(member.openid!);
  const cursor = (await docs.get(id)) as ChatCursorDoc | null;
  if (!cursor || cursor.inBranch !== member.branchId) {
    const fresh = freshCursor(member.openid!, { memberId: member._id, role: member.role, branchId: member.branchId }, ctx.now());
    await docs.put({ ...fresh, mentionSeqs: [seq] });
    return;
  }
  await docs.updateById(id, { $set: { mentionSeqs: keepLatestSeqs(cursor.mentionSeqs, seq, CHAT_LIMITS.mentionSeqsKept) } });
}
