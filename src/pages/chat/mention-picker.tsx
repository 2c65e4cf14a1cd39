import { useMemo, useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import type { ChatMentionable } from '../../domain/api/chat';
import { MENTION_ALL } from '../../domain/chat/limits';
import { searchMentions } from '../../utils/mention-search';
import { Avatar } from './avatar';
import { pressable } from '../../utils/pressable';

interface Props {
  visible: boolean;
  members: ChatMentionable[] | null;
  allCount: number;
  canMentionAll: boolean;
  meId: string;
  onPick: (picked: { memberId: string; name: string } | 'all') => void;
  onClose: () => void;
}

/** The @ picker: everyone in the branch but me, found by name or pinyin initials (wjg → 王建国). */
export function MentionPicker({ visible, members, allCount, canMentionAll, meId, onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const others = useMemo(() => (members ?? []).filter((m) => m.memberId !== meId), [members, meId]);
  const found = useMemo(() => searchMentions(others, query), [others, query]);
  const close = () => {
    setQuery('');
    onClose();
  };
  const pick = (p: { memberId: string; name: string } | 'all') => {
    setQuery('');
    onPick(p);
  };
  return (
    <Popup className="chat-mention-popup" visible={visible} position="bottom" round closeable title="选择提醒的人" onClose={close}>
      <View className="chat-mention">
        <Input className="chat-mention__search" value={query} placeholder="搜索姓名或拼音首字母，如 wjg" onInput={(e) => setQuery(e.detail.value)} />
        <View className="chat-mention__list">
          {canMentionAll && !query && (
            <View className="chat-mention__item chat-mention__all" {...pressable(() => pick('all'))}>
              <View className="chat-avatar chat-avatar--all">
                <Text className="chat-avatar__text">@</Text>
              </View>
              <Text className="chat-mention__name">
                {MENTION_ALL}（{allCount} 人）
              </Text>
            </View>
          )}
          {members === null ? (
            <Text className="muted chat-mention__hint">加载中…</Text>
          ) : found.length === 0 ? (
            <Text className="muted chat-mention__hint">没有找到“{query}”</Text>
          ) : (
            found.map((m) => (
              <View key={m.memberId} className="chat-mention__item" {...pressable(() => pick(m))}>
                <Avatar id={m.memberId} name={m.name} />
                <Text className="chat-mention__name">{m.name}</Text>
              </View>
            ))
          )}
        </View>
      </View>
    </Popup>
  );
}
