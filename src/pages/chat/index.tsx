import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { ActionSheet } from '@nutui/nutui-react-taro';
import type { ChatMentionable, ChatMessageView } from '../../domain/api/chat';
import { CHAT_LIMITS, MENTION_ALL } from '../../domain/chat/limits';
import { looksLikePatientData } from '../../domain/chat/privacy';
import { ERROR_MESSAGES } from '../../domain/shared/errors';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useMe } from '../../hooks/use-me';
import { chatApi } from '../../platform/api';
import { chooseImages } from '../../platform/choose-images';
import { keepOutboxImage, OUTBOX_IMAGES_FULL } from '../../platform/outbox-images';
import { copyText, toast, toastSuccess } from '../../platform/feedback';
import type { QuotePreview } from '../../utils/chat-outbox';
import { pendingNotInTimeline } from '../../utils/chat-timeline';
import { errorMessage } from '../../utils/error-message';
import { ROUTES, withQuery } from '../../utils/routes';
import { Composer } from './composer';
import { useConfirm } from './confirm';
import { MentionPicker } from './mention-picker';
import { excerptOf, menuFor, MENU_LABELS, type MenuAction } from './message-menu';
import { PinnedBar } from './pinned-bar';
import { TimelineView } from './timeline-view';
import { useChatRoom } from './use-chat-room';
import './index.scss';
import { pressable } from '../../utils/pressable';
import { withPageDisplay } from '../../components/page-display';
import { usePageSeen } from '../../hooks/use-page-visibility';
import { offerRemindersAtNaturalMoment } from '../../utils/reminder-offer';

/** Mentions still written in the text as @name (the member may have deleted one after picking). */
const mentionsInText = (text: string, picked: Array<{ memberId: string; name: string }>): string[] =>
  [...new Set(picked.filter((p) => text.includes(`@${p.name}`)).map((p) => p.memberId))];

function ChatRoomView({ branchId: requested, jumpSeq }: { branchId: string | undefined; jumpSeq: number | null }) {
  const [text, setText] = useState('');
  const [replyTo, setReplyTo] = useState<QuotePreview | null>(null);
  const [picked, setPicked] = useState<Array<{ memberId: string; name: string }>>([]);
  const [composerError, setComposerError] = useState<string | null>(null);
  const [menuFor_, setMenuFor] = useState<ChatMessageView | null>(null);
  const [picker, setPicker] = useState(false);
  const [mentionables, setMentionables] = useState<{ members: ChatMentionable[]; allCount: number; canMentionAll: boolean } | null>(null);
  const [scrollTarget, setScrollTarget] = useState('');
  const [highlight, setHighlight] = useState<number | null>(null);
  const [mentionIndex, setMentionIndex] = useState(0);
  const atBottom = useRef(true);
  /** The newest seq loaded when the member left the bottom (null: following the newest messages). */
  const [leftAtSeq, setLeftAtSeq] = useState<number | null>(null);
  const lastScrollTop = useRef(0);
  const { confirm, dialog } = useConfirm();
  const seen = usePageSeen();

  const room = useChatRoom(
    requested,
    (entry, reason) => {
      // The content check refused it: the text comes back to the composer with the reason.
      setText((current) => (current ? current : entry.text));
      setComposerError(reason);
    },
    { seen, upToSeq: leftAtSeq },
  );
  const { meta, timeline } = room;
  const lastSeq = timeline.messages.at(-1)?.seq ?? 0;
  const lastSeqRef = useRef(lastSeq);
  lastSeqRef.current = lastSeq;

  /** Following: new messages scroll into view and count as read. Not following: a chip counts them. */
  const follow = useCallback((on: boolean) => {
    atBottom.current = on;
    setLeftAtSeq((left) => (on ? null : (left ?? lastSeqRef.current)));
  }, []);

  const scrollTo = useCallback((id: string) => {
    // scroll-into-view only reacts to a change: clear it first.
    setScrollTarget('');
    setTimeout(() => setScrollTarget(id), 30);
  }, []);

  // Landing: on the first unread under the divider, or at the bottom; or on the message a push named.
  const landed = useRef(false);
  useEffect(() => {
    if (!meta || landed.current) return;
    landed.current = true;
    // Landing above the end: do not follow new messages down until the member reaches the bottom.
    follow(!jumpSeq && meta.unread === 0);
    if (jumpSeq) void jumpTo(jumpSeq);
    else scrollTo(meta.unread > 0 ? 'chat-divider' : 'chat-bottom');
    if (meta.branchName) void Taro.setNavigationBarTitle({ title: `${meta.branchName}（${meta.memberCount}）` }).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meta]);

  // Follow new messages while the member is at the bottom; else leave the scroll alone (the chip counts
  // them), unless the list is in fact at its end (too short to scroll, so no scroll event ever says so).
  const pending = pendingNotInTimeline(room.outbox, timeline);
  useEffect(() => {
    if (!landed.current) return;
    if (atBottom.current) scrollTo('chat-bottom');
    else
      // The content's height stands in for scrollHeight, which H5's selector query does not report.
      Taro.createSelectorQuery()
        .select('.chat-scroll')
        .fields({ size: true, scrollOffset: true })
        .select('.chat-list')
        .fields({ size: true })
        .exec((res) => {
          const [view, list] = (res ?? []) as Array<{ height?: number; scrollTop?: number } | null>;
          if (view?.height && list?.height && (view.scrollTop ?? 0) + view.height >= list.height - 60) follow(true);
        });
  }, [lastSeq, pending.length, scrollTo, follow]);
  const unseen = leftAtSeq === null || timeline.hasNewer ? 0 : timeline.messages.filter((m) => m.seq > leftAtSeq && !m.mine).length;

  const jumpTo = useCallback(
    async (seq: number) => {
      try {
        await room.loadAround(seq);
        follow(false);
        scrollTo(`m-${seq}`);
        setHighlight(seq);
        setTimeout(() => setHighlight((h) => (h === seq ? null : h)), 2000);
      } catch (e) {
        toast(errorMessage(e, '消息加载失败'));
      }
    },
    [room, scrollTo, follow],
  );

  const loadMentionables = useCallback(async () => {
    if (mentionables || !room.branchId) return;
    try {
      setMentionables(await chatApi('mentionables', { branchId: room.branchId }));
    } catch (e) {
      toast(errorMessage(e, '成员加载失败'));
    }
  }, [mentionables, room.branchId]);

  const openPicker = () => {
    setPicker(true);
    void loadMentionables();
  };

  const onPick = (p: { memberId: string; name: string } | 'all') => {
    setPicker(false);
    const name = p === 'all' ? MENTION_ALL : p.name;
    // Typed "@" already at the end (opened by typing): complete it; else add "@name".
    setText((t) => `${t.endsWith('@') || t.endsWith('＠') ? t.slice(0, -1) : t}@${name} `);
    if (p !== 'all') setPicked((list) => [...list, p]);
  };

  const send = async () => {
    if (!meta || !room.branchId) return;
    const body = text.trim();
    if (!body) return;
    offerRemindersAtNaturalMoment();
    if (body.length > CHAT_LIMITS.textMax) return setComposerError(`消息不能超过 ${CHAT_LIMITS.textMax} 个字`);
    setComposerError(null);
    const mentionAll = body.includes(`@${MENTION_ALL}`);
    if (mentionAll) {
      if (!meta.canMentionAll) return setComposerError(ERROR_MESSAGES.CHAT_MENTION_ALL_FORBIDDEN);
      const count = mentionables?.allCount ?? (await chatApi('mentionables', { branchId: room.branchId }).then((r) => r.allCount).catch(() => meta.memberCount - 1));
      const ok = await confirm({ title: '@全体成员', content: `将提醒本支部全体 ${count} 人（有订阅的成员会收到微信消息），确认发送？`, confirmText: '确认发送' });
      if (!ok) return;
    }
    let privacyConfirmed = false;
    if (looksLikePatientData(body)) {
      privacyConfirmed = await confirm({ title: '隐私提醒', content: ERROR_MESSAGES.CHAT_PRIVACY_CONFIRM, confirmText: '确认发送' });
      if (!privacyConfirmed) return;
    }
    try {
      room.send({ text: body, mentions: mentionsInText(body, picked), mentionAll, replyTo, image: null, privacyConfirmed });
    } catch {
      return setComposerError('手机存储空间不足，消息未能保存');
    }
    setText('');
    setReplyTo(null);
    setPicked([]);
    follow(true);
  };

  const pickImage = async () => {
    const [image] = await chooseImages(1);
    if (!image) return;
    if (image.size > CHAT_LIMITS.imageMaxBytes) return toast(ERROR_MESSAGES.FILE_TOO_LARGE);
    let width = 800;
    let height = 600;
    try {
      const info = await Taro.getImageInfo({ src: image.path });
      width = info.width || width;
      height = info.height || height;
    } catch {
      // unknown size: a 4:3 box
    }
    let path: string;
    try {
      // Kept on the phone until sent: survives a reload (H5) or the mini program being killed.
      path = await keepOutboxImage(image.path, image.size, image.blob);
    } catch (e) {
      return toast(errorMessage(e, OUTBOX_IMAGES_FULL));
    }
    follow(true);
    room.send({ text: '', mentions: [], mentionAll: false, replyTo: null, image: { path, size: image.size, width, height }, privacyConfirmed: false });
  };

  const act = async (m: ChatMessageView, action: MenuAction) => {
    setMenuFor(null);
    if (!room.branchId) return;
    const branchId = room.branchId;
    try {
      if (action === 'copy') await copyText(m.text, '复制失败，请重试');
      else if (action === 'reply') setReplyTo({ seq: m.seq, senderName: m.senderName, excerpt: excerptOf(m) });
      else if (action === 'recall') room.applyMessage((await chatApi('recall', { branchId, seq: m.seq })).message);
      else if (action === 'pin') {
        room.setPinned((await chatApi('pin', { branchId, seq: m.seq })).pinned);
        toastSuccess('已置顶');
      } else if (action === 'unpin') {
        await chatApi('unpin', { branchId });
        room.setPinned(null);
        toastSuccess('已取消置顶');
      } else if (action === 'notice') {
        await Taro.navigateTo({ url: withQuery(ROUTES.noticeCompose, { chatBranchId: branchId, chatSeq: String(m.seq) }) });
      } else if (action === 'remove') {
        const ok = await confirm({ title: '移除消息', content: `移除 ${m.senderName} 的这条消息？成员将看到“该消息已被移除”，原文留存供院党委审计。`, confirmText: '移除' });
        if (!ok) return;
        room.applyMessage((await chatApi('remove', { branchId, seq: m.seq })).message);
        toastSuccess('已移除');
      }
    } catch (e) {
      toast(errorMessage(e, '操作失败，请重试'));
    }
  };

  if (room.error && !meta) return <ErrorView message={room.error} onRetry={room.reload} />;
  if (!meta) return <LoadingView rows={6} />;

  const mentionSeqs = meta.mentionSeqs.filter((s) => s > meta.readSeq);
  const options = menuFor_ ? menuFor(menuFor_, { canModerate: meta.canModerate, pinnedSeq: room.pinned?.seq ?? null, now: Date.now() }) : [];

  return (
    <View className="chat-room">
      {room.pinned && <PinnedBar pinned={room.pinned} onJump={(seq) => void jumpTo(seq)} />}
      <TimelineView
        messages={timeline.messages}
        pending={pending}
        hasOlder={timeline.hasOlder}
        hasNewer={timeline.hasNewer}
        loadingOlder={room.loadingOlder}
        dividerAfterSeq={meta.unread > 0 ? meta.readSeq : null}
        highlightSeq={highlight}
        scrollTarget={scrollTarget}
        me={meta.me}
        now={Date.now()}
        onOlder={() => {
          const first = timeline.messages[0]?.seq;
          void room.loadOlder().then(() => first && scrollTo(`m-${first}`));
        }}
        onNewer={() => void room.loadNewer()}
        onScroll={(top) => {
          if (top < lastScrollTop.current - 30 && atBottom.current) follow(false);
          lastScrollTop.current = top;
        }}
        onAtBottom={() => follow(true)}
        onMenu={setMenuFor}
        onJump={(seq) => void jumpTo(seq)}
        onRetry={room.retry}
        onDiscard={room.discard}
      />
      {mentionSeqs.length > 0 && (
        <View
          className="chat-jump-mention"
          {...pressable(() => {
            const seq = mentionSeqs[mentionIndex % mentionSeqs.length];
            setMentionIndex((i) => i + 1);
            void jumpTo(seq);
          })}
        >
          <Text className="chat-jump-mention__text">
            有人@我 {(mentionIndex % mentionSeqs.length) + 1}/{mentionSeqs.length}
          </Text>
        </View>
      )}
      {unseen > 0 && (
        <View className="chat-new-anchor">
          <View
            className="chat-new-chip"
            {...pressable(() => {
              follow(true);
              scrollTo('chat-bottom');
            })}
          >
            <Text className="chat-new-chip__text">{unseen} 条新消息</Text>
          </View>
        </View>
      )}
      <Composer
        text={text}
        onText={(t) => {
          setText(t);
          if (composerError) setComposerError(null);
        }}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        error={composerError}
        onSend={() => void send()}
        onPickImage={() => void pickImage()}
        onMention={openPicker}
        disabled={!room.branchId}
      />
      <ActionSheet
        className="chat-menu"
        visible={menuFor_ !== null && options.length > 0}
        options={options.map((key) => ({ name: MENU_LABELS[key], key, danger: key === 'remove' }))}
        cancelText="取消"
        onSelect={(item) => menuFor_ && void act(menuFor_, item.key as MenuAction)}
        onCancel={() => setMenuFor(null)}
      />
      <MentionPicker
        visible={picker}
        members={mentionables?.members ?? null}
        allCount={mentionables?.allCount ?? 0}
        canMentionAll={meta.canMentionAll}
        meId={meta.me.memberId}
        onPick={onPick}
        onClose={() => setPicker(false)}
      />
      {dialog}
    </View>
  );
}

function ChatPage() {
  const params = useRouter().params;
  const { me, error, refresh } = useMe();
  const branchId = params.branchId || undefined;
  const jumpSeq = Number(params.seq) > 0 ? Number(params.seq) : null;
  const frame = (body: JSX.Element) => <View className="page page-chat">{body}</View>;
  if (error) return frame(<ErrorView message={error} onRetry={refresh} />);
  if (!me) return frame(<LoadingView rows={6} />);
  if (!branchId && !me.member.branchId) return frame(<EmptyView title="暂无支部交流" description={ERROR_MESSAGES.CHAT_NO_BRANCH} />);
  return frame(<ChatRoomView branchId={branchId} jumpSeq={jumpSeq} />);
}

export default withPageDisplay(ChatPage);
