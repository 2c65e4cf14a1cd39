import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import type { LessonKind } from '../../domain/lesson/lesson';
import { LESSON_KIND_LABELS, LESSON_KINDS } from '../../domain/lesson/lesson';
import type { LibraryFilter, LibraryScope } from './use-library';
import { pressable } from '../../utils/pressable';

interface Chip<V> {
  value: V;
  label: string;
}

function Chips<V extends string | null>({ chips, value, onChange, className }: { chips: Array<Chip<V>>; value: V; onChange: (v: V) => void; className: string }) {
  return (
    <View className={`chips ${className}`}>
      {chips.map((c) => (
        <Text key={String(c.value)} className={`chip chip-${String(c.value ?? 'any')} ${c.value === value ? 'is-active' : ''}`} {...pressable(() => onChange(c.value))}>
          {c.label}
        </Text>
      ))}
    </View>
  );
}

interface LibraryFiltersProps {
  filter: LibraryFilter;
  onChange: (filter: LibraryFilter) => void;
  /** Scopes the caller may choose between (officers: all / central / branch; the committee: central / all). */
  scopes: Array<Chip<LibraryScope>>;
}

/** Library scope, kind and a search box (searches title, summary and tags). */
export function LibraryFilters({ filter, onChange, scopes }: LibraryFiltersProps) {
  const [text, setText] = useState(filter.query);
  const kinds: Array<Chip<LessonKind | null>> = [{ value: null, label: '全部类型' }, ...LESSON_KINDS.map((k) => ({ value: k, label: LESSON_KIND_LABELS[k] }))];
  const search = () => onChange({ ...filter, query: text.trim() });
  return (
    <View className="library-filters">
      {scopes.length > 1 && <Chips className="library-scope" chips={scopes} value={filter.scope} onChange={(scope) => onChange({ ...filter, scope })} />}
      <Chips className="library-kind" chips={kinds} value={filter.kind} onChange={(kind) => onChange({ ...filter, kind })} />
      <View className="library-search">
        <Input
          className="library-search__input"
          value={text}
          placeholder="搜索标题、简介、标签"
          confirmType="search"
          maxlength={40}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={search}
        />
        <Text className="library-search__button" {...pressable(search)}>
          搜索
        </Text>
      </View>
    </View>
  );
}
