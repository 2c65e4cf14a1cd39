import { View, Text, Image } from '@tarojs/components';
import { Card, InfoRow } from '../../components/card';
import { LinkifiedText } from '../../components/linkified-text';
import type { MeetingDetail, MeetingMaterialView } from '../../domain/api/meetings';
import { openDocument } from '../../platform/open-document';
import { toast } from '../../platform/feedback';
import { meetingTimeRange } from '../../utils/meeting-format';
import { pressable } from '../../utils/pressable';
import { previewImage } from '../../platform/preview-image';

/** Type, topic, when, where (or the online link), who: the meeting notice itself. */
export function MeetingInfo({ m }: { m: MeetingDetail }) {
  return (
    <View className="meeting-head">
      <Text className="meeting-head__type">{m.typeLabel}</Text>
      <Text className="meeting-topic">{m.topic}</Text>
      {m.status === 'cancelled' && (
        <Text className="meeting-cancelled">会议已取消{m.cancelReason ? `：${m.cancelReason}` : ''}</Text>
      )}
      <View className="meeting-head__rows">
        <InfoRow label="时间" value={meetingTimeRange(m.startAt, m.endAt)} valueClassName="meeting-time" />
        {m.place !== '' && <InfoRow label="地点" value={m.place} valueClassName="meeting-place" />}
        {m.onlineLink !== '' && <InfoRow label="线上会议" value={<LinkifiedText text={m.onlineLink} className="meeting-link" />} />}
        <InfoRow label="参会人员" value={m.attendeesLabel} valueClassName="meeting-attendees" />
        {m.guests.length > 0 && <InfoRow label="列席" value={m.guests.map((g) => (g.title ? `${g.name}（${g.title}）` : g.name)).join('、')} valueClassName="meeting-guests" />}
        <InfoRow label="召集人" value={m.organizerName} />
      </View>
    </View>
  );
}

export function AgendaCard({ agenda }: { agenda: string[] }) {
  if (agenda.length === 0) return null;
  return (
    <Card title="会议议程" className="meeting-agenda">
      {agenda.map((item, i) => (
        <View key={i} className="agenda-item">
          <Text className="agenda-item__n">{i + 1}</Text>
          <Text className="agenda-item__text">{item}</Text>
        </View>
      ))}
    </Card>
  );
}

async function openMaterial(item: MeetingMaterialView, images: string[]) {
  if (!item.url) return toast('材料文件不存在，请联系召集人');
  try {
    if (item.kind === 'image') await previewImage(images, item.url);
    else await openDocument(item.url);
  } catch {
    toast('打开失败，请重试');
  }
}

/** Images open in the viewer, PDFs in the platform's document viewer. */
export function MaterialsCard({ materials }: { materials: MeetingMaterialView[] }) {
  if (materials.length === 0) return null;
  const images = materials.filter((x) => x.kind === 'image' && x.url).map((x) => x.url as string);
  return (
    <Card title="会议材料" className="meeting-materials">
      {materials.map((item) => (
        <View key={item.fileId} className="material-item" {...pressable(() => void openMaterial(item, images), 'link')}>
          {item.kind === 'image' && item.url ? (
            <Image className="material-item__thumb" src={item.url} mode="aspectFill" lazyLoad ariaLabel={item.name} imgProps={{ alt: item.name }} />
          ) : (
            <Text className="material-item__pdf">PDF</Text>
          )}
          <Text className="material-item__name">{item.name}</Text>
          <Text className="material-item__arrow">›</Text>
        </View>
      ))}
    </Card>
  );
}
