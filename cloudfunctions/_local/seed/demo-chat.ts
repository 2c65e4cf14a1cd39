import { CHAT_LIMITS } from '../../../src/domain/chat/limits';
import { quoteOf } from '../../../src/domain/chat/rules';
import { cursorId, type ChatCursorDoc, type ChatHeadDoc, type ChatMessageDoc } from '../../../src/domain/chat/types';
import type { Branch, Member } from '../../../src/domain/org/types';
import type { Storage } from '../../_runtime/storage/port';
import { seededRandom } from './names';

/**
 * A week of branch chat for every demo branch, so the chat looks alive on first start: an
 * announcement by the secretary (pinned), daily exchange between shifts, replies with quotes, a few
 * @mentions and one @全体成员, and read cursors a little behind so the 支部 tab shows a badge.
 * Deterministic (seeded) and written in bulk: about 1,000 messages in well under a second.
 */
const DAY = 24 * 60 * 60 * 1000;
const SHANGHAI = 8 * 60 * 60 * 1000;

const ANNOUNCEMENT = (dept: string) =>
  `【支部公告】本周五 17:30 在${dept}示教室召开支部党员大会，议题：学习近期重要会议精神、讨论本季度志愿服务安排。值班同志请提前告知，会后补学。`;

/** Everyday lines: what a clinical branch actually talks about between shifts. */
const LINES = [
  '今天的微党课讲得很实在，通勤路上听完了',
  '下夜班了，大家早上好',
  '本周的学习笔记我整理好了，需要的同志找我要',
  '周六社区义诊还差两位同志，有空的可以报名',
  '收到',
  '好的，我这周轮休，可以参加',
  '护理部通知：下周一开始执行新的交接班流程',
  '昨天那位老党员患者出院了，特意来感谢大家',
  '今天门诊量大，中午的学习改到下班后吧',
  '党费本月 25 日前交齐，可以线上缴纳',
  '谢谢书记提醒',
  '学习强国的题目有点难，大家一起讨论一下',
  '我在急诊支援，晚点再看',
  '明天查房前十分钟碰一下志愿服务的分工',
  '请大家按时完成本周微党课，有困难的可以补学',
  '主题党日活动的照片我发到相册了',
  '新来的规培医生有两位是预备党员，欢迎他们',
  '今天雨大，下班路上注意安全',
  '上次提的排班建议，科室已经采纳了',
  '这周的学习内容和我们科的医德医风建设很贴合',
  '刚做完一台急诊手术，大家辛苦了',
  '我来负责这次活动的签到',
  '收到，马上处理',
  '点赞！',
  '会议材料已打印好，放在护士站',
];

const REPLIES = ['收到，谢谢', '好的', '同意', '我也报名', '明白了', '辛苦了'];

/** Hour of day (Shanghai) for the n-th message of a day: between 07:30 and 22:00, ascending. */
const timeOfDay = (random: () => number) => Math.floor((7.5 + random() * 14.5) * 60 * 60 * 1000);

export const isChatSeeded = async (storage: Storage): Promise<boolean> => (await storage.collection('chatHeads').get('b_demo01')) !== null;

export async function seedDemoChat(storage: Storage, now: number): Promise<{ branches: number; messages: number }> {
  const branches = (await storage.collection<Branch>('branches').find({ status: 'active' }, { limit: 1000, orderBy: [['name', 'asc']] })).filter((b) =>
    b._id.startsWith('b_demo'),
  );
  let total = 0;
  for (const branch of branches) {
    const random = seededRandom(Number(branch._id.replace(/\D/g, '')) * 7919 + 2026);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const roster = (await storage.collection<Member>('members').find({ branchId: branch._id, status: 'active' }, { limit: 200, orderBy: [['employeeNo', 'asc']] })).filter(
      (m) => m.openid,
    );
    const secretary = roster.find((m) => m.role === 'secretary') ?? roster[0];
    if (!secretary) continue;
    // Entries first (time, sender, text), then sequence numbers in time order, then quotes and mentions.
    interface Entry {
      at: number;
      sender: Member;
      text: string;
      quotes?: Entry;
      mention?: Member;
      all?: boolean;
      pinned?: boolean;
      seq?: number;
    }
    const entries: Entry[] = [];
    // Midnight (Shanghai) of today, as UTC epoch ms.
    const today = Math.floor((now + SHANGHAI) / DAY) * DAY - SHANGHAI;
    for (let day = 7; day >= 0; day--) {
      const times = Array.from({ length: 4 + Math.floor(random() * 6) }, () => today - day * DAY + timeOfDay(random))
        .filter((t) => t < now - 60_000)
        .sort((a, b) => a - b);
      times.forEach((at, i) => {
        if (day === 7 && i === 0) return void entries.push({ at, sender: secretary, text: ANNOUNCEMENT(branch.department), pinned: true });
        const sender = pick(roster);
        const previous = entries[entries.length - 1];
        const roll = random();
        if (previous && roll < 0.2 && previous.sender._id !== sender._id) entries.push({ at, sender, text: pick(REPLIES), quotes: previous });
        else if (roll < 0.3 && roster.length > 2) {
          const target = pick(roster.filter((m) => m._id !== sender._id));
          entries.push({ at, sender, text: `@${target.name} 明天的学习资料麻烦帮忙带一份`, mention: target });
        } else entries.push({ at, sender, text: pick(LINES) });
      });
    }
    entries.push({ at: today - DAY + 20.25 * 60 * 60 * 1000, sender: secretary, text: '@全体成员 明晚 8 点前请完成本周的微党课，夜班的同志可以后天补学。', all: true });
    entries.sort((a, b) => a.at - b.at).forEach((e, i) => (e.seq = i + 1));

    const messages: ChatMessageDoc[] = entries.map((e) => {
      const seq = e.seq!;
      const clientMsgId = `seed${branch._id.slice(-2)}${String(seq).padStart(12, '0')}`;
      const q = e.quotes;
      return {
        _id: `${branch._id}:${clientMsgId}`,
        branchId: branch._id,
        seq,
        rev: seq,
        clientMsgId,
        senderId: e.sender._id,
        senderName: e.sender.name,
        kind: 'text',
        text: e.text,
        image: null,
        quote: q ? quoteOf({ seq: q.seq!, senderId: q.sender._id, senderName: q.sender.name, kind: 'text', text: q.text }) : null,
        mentions: e.mention ? [{ memberId: e.mention._id, name: e.mention.name }] : [],
        mentionAll: !!e.all,
        state: 'visible',
        createdAt: e.at,
        changedAt: null,
        removedBy: null,
        traceId: null,
      };
    });
    const mentionsOf = (memberId: string) => entries.filter((e) => e.mention?._id === memberId).map((e) => e.seq!);
    const head: ChatHeadDoc = {
      _id: branch._id,
      kind: 'head',
      branchId: branch._id,
      seq: messages.length,
      rev: messages.length,
      pinnedSeq: entries.find((e) => e.pinned)?.seq ?? null,
      allSeqs: entries.filter((e) => e.all).map((e) => e.seq!),
      updatedAt: now,
    };
    const cursors: ChatCursorDoc[] = roster.map((m) => ({
      _id: cursorId(m.openid!),
      kind: 'cursor',
      memberId: m._id,
      inBranch: branch._id,
      admin: false,
      // Most members are a few messages behind; the badge shows a small count.
      readSeq: Math.max(0, messages.length - 2 - Math.floor(random() * 10)),
      mentionSeqs: mentionsOf(m._id).slice(-CHAT_LIMITS.mentionSeqsKept),
      recentSends: [],
      version: 0,
      updatedAt: now,
    }));
    await storage.atomically(async () => {
      await storage.collection<ChatMessageDoc>('chatMessages').insertMany(messages);
      await storage.collection<ChatHeadDoc | ChatCursorDoc>('chatHeads').insertMany([head, ...cursors]);
    });
    total += messages.length;
  }
  return { branches: branches.length, messages: total };
}
