import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Card } from '../../../components/card';
import { Pill } from '../../../components/meeting-row';
import type { BranchOverview, DueCell } from '../../../domain/api/meetings';
import { DUE_STATE_LABELS, MEETING_TYPE_LABELS } from '../../../domain/meeting/types';
import type { PillTone } from '../../../utils/meeting-format';
import { pressable } from '../../../utils/pressable';

const TONE: Record<DueCell['state'], PillTone> = { held: 'success', due: 'primary', overdue: 'warning', not_required: 'muted' };

/** What the branch must hold in this month / quarter / year, and whether it has. */
export function DueCard({ overview, children, onPick }: { overview: BranchOverview; children?: ReactNode; onPick?: (cell: DueCell) => void }) {
  const cells = overview.cells.filter((c) => c.state !== 'not_required');
  return (
    <Card title={`${overview.month.slice(5).replace(/^0/, '')}月应开会议`} className="meetings-due">
      <View className="due-grid">
        {cells.map((c) => (
          <View key={c.type} className={`due-cell due-cell--${c.state} due-${c.type}`} {...(onPick && c.state !== 'held' ? pressable(() => onPick(c), 'link') : {})}>
            <Text className="due-cell__type">{MEETING_TYPE_LABELS[c.type]}</Text>
            <Text className="due-cell__period">
              {c.periodLabel}
              {c.scheduled > 0 ? ` · 已安排 ${c.scheduled}` : ''}
            </Text>
            <Pill tone={TONE[c.state]} className="due-state">
              {DUE_STATE_LABELS[c.state]}
            </Pill>
          </View>
        ))}
      </View>
      {children}
    </Card>
  );
}
