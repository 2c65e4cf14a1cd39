import { useEffect, useState } from 'react';
import { Text } from '@tarojs/components';
import { ChoiceList } from '../../components/choice-list';
import { FormDialog } from '../../components/form-dialog';
import { TextField } from '../../components/text-field';
import { noticesApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import type { TrackedMember } from '../../domain/api/notices';
import { NOTICE_LIMITS } from '../../domain/notice/limits';
import { FormError } from '../../utils/error-message';

type Reason = 'leave' | 'night' | 'other';
const REASONS: Array<{ value: Reason; label: string }> = [
  { value: 'leave', label: '请假' },
  { value: 'night', label: '夜班' },
  { value: 'other', label: '其他' },
];

interface ExcuseDialogProps {
  noticeId: string;
  member: TrackedMember | null;
  onClose: () => void;
  onChanged: (member: TrackedMember) => void;
}

/** Marks a member as excused (on leave, night shift…) so they are neither counted unread nor reminded, or undoes it. */
export function ExcuseDialog({ noticeId, member, onClose, onChanged }: ExcuseDialogProps) {
  const [reason, setReason] = useState<Reason>('leave');
  const [note, setNote] = useState('');
  useEffect(() => {
    setReason('leave');
    setNote('');
  }, [member]);

  const confirm = async () => {
    if (!member) return;
    if (member.excused) {
      onChanged(await noticesApi('excuse', { noticeId, memberId: member.memberId, excused: false }));
      toastSuccess('已取消请假');
    } else {
      const label = REASONS.find((r) => r.value === reason)?.label ?? '';
      const text = note.trim();
      if (reason === 'other' && !text) throw new FormError('请填写原因');
      const full = reason === 'other' ? text : text ? `${label}：${text}` : label;
      onChanged(await noticesApi('excuse', { noticeId, memberId: member.memberId, excused: true, reason: full.slice(0, NOTICE_LIMITS.excuseReasonMax) }));
      toastSuccess('已标记请假');
    }
    onClose();
  };

  return (
    <FormDialog
      className="excuse-dialog"
      visible={member !== null}
      title={member?.excused ? '取消请假' : `${member?.name ?? ''} 请假`}
      confirmText={member?.excused ? '取消请假' : '标记请假'}
      onConfirm={confirm}
      onClose={onClose}
      values={[reason, note]}
    >
      {member?.excused ? (
        <Text>
          {member.name} 当前标记为请假{member.excuseReason ? `（${member.excuseReason}）` : ''}。取消后将重新计入阅读率，并可被提醒。
        </Text>
      ) : (
        <>
          <Text className="muted">标记后不计入未读、不会被提醒。</Text>
          <ChoiceList
            className="excuse-reasons"
            choices={REASONS.map((r) => ({ ...r, className: `excuse-reason-${r.value}` }))}
            value={reason}
            onChange={setReason}
          />
          <TextField
            className="excuse-note"
            label={reason === 'other' ? '原因' : '补充说明（可选）'}
            value={note}
            onChange={setNote}
            maxLength={NOTICE_LIMITS.excuseReasonMax - 3}
            placeholder={reason === 'other' ? '如：外出培训' : '如：至 11 月 30 日'}
          />
        </>
      )}
    </FormDialog>
  );
}
