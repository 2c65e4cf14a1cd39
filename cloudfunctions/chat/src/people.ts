import type { ChatOutput, ChatParsed } from '../../../src/domain/api/chat';
import { canMentionAll, canTurnIntoNotice } from '../../../src/domain/chat/policies';
import { noticeTitleFrom } from '../../../src/domain/chat/rules';
import type { Branch } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import { authorise } from '../../_runtime/actor';
import type { FunctionContext } from '../../_runtime/context';
import { formatShanghai } from '../../notices/src/time';
import { chatCaller } from './access';
import { branchRoster } from './send';
import { requireMessage } from './store';

type Pinyin = typeof import('pinyin-pro').pinyin;

/** pinyin-pro (about 300 KB) only for the @ picker: loaded on its first use, outside the bundle (scripts/function-bundle.ts). */
let loadingPinyin: Promise<Pinyin> | null = null;
const loadPinyin = (): Promise<Pinyin> => (loadingPinyin ??= import('pinyin-pro').then((m) => m.pinyin));

const spellWith = (pinyin: Pinyin) => (name: string, pattern: 'first' | 'pinyin') =>
  pinyin(name, { pattern, toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();

/** The @ picker: the branch's active members (not the caller) with pinyin for searching, and the @全体成员 count. */
export async function mentionables(input: ChatParsed<'mentionables'>, ctx: FunctionContext): Promise<ChatOutput['mentionables']> {
  const { actor, branchId } = await chatCaller(ctx, input.branchId);
  const [roster, pinyin] = await Promise.all([branchRoster(ctx, branchId), loadPinyin()]);
  const spell = spellWith(pinyin);
  const others = roster.filter((m) => m._id !== actor.memberId);
  return {
    members: others.map((m) => ({ memberId: m._id, name: m.name, initials: spell(m.name, 'first'), pinyin: spell(m.name, 'pinyin'), role: m.role })),
    allCount: others.length,
    canMentionAll: canMentionAll(actor, branchId),
  };
}

/** “转为通知”: the notice compose form prefilled from a visible message, addressed to the whole branch. */
export async function toNotice(input: ChatParsed<'toNotice'>, ctx: FunctionContext): Promise<ChatOutput['toNotice']> {
  const { actor, branchId } = await chatCaller(ctx, input.branchId);
  authorise(canTurnIntoNotice(actor, branchId));
  const m = await requireMessage(ctx, branchId, input.seq);
  if (m.state !== 'visible') throw new AppError('CHAT_MESSAGE_GONE');
  const branch = await ctx.storage.collection<Branch>('branches').get(branchId);
  const [url] = m.image ? await ctx.files.urls([m.image.fileId]) : [null];
  const source = `（来自支部交流：${m.senderName}，${formatShanghai(m.createdAt, 'M月D日 HH:mm')}）`;
  return {
    title: noticeTitleFrom(m.text, `${branch?.name ?? '支部'}通知`),
    body: m.text ? `${m.text}\n\n${source}` : source,
    images: m.image && url ? [{ fileId: m.image.fileId, url }] : [],
    audience: { kind: 'branch', branchId },
    source: { branchId, seq: m.seq },
  };
}
