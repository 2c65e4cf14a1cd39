import { useEffect, useRef, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { MEETING_LIMITS as L } from '../../domain/meeting/limits';
import { attachFileInput, type FilePicker, type PickedFile } from '../../platform/pick-file';
import { uploadPdf } from '../../platform/upload-document';
import { errorMessage } from '../../utils/error-message';
import { pressable } from '../../utils/pressable';

/** The host's PDF cap (cloudfunctions/_runtime/files/local.ts): refused here before any upload. */
const PDF_MAX_BYTES = 20 * 1024 * 1024;

export interface PdfSlot {
  key: string;
  name: string;
  fileId: string | null;
}

export interface PdfUploads {
  slots: PdfSlot[];
  uploading: boolean;
  error: string | null;
  open: () => void;
  remove: (key: string) => void;
  /** Uploaded PDFs only, in order, as meeting materials. */
  materials: Array<{ fileId: string; name: string; kind: 'pdf' }>;
}

let seq = 0;
const nextKey = () => `pdf${(seq += 1)}`;
/** The file name is the material's title: `支部工作要点.pdf`, cut to the contract's length. */
const titleOf = (name: string) => name.slice(0, L.materialNameMax);

/** PDF materials (H5: a file input; weapp: a file from a WeChat chat), each uploaded when picked. */
export function usePdfUploads(initial: ReadonlyArray<{ fileId: string; name: string }> = []): PdfUploads {
  const [slots, setSlots] = useState<PdfSlot[]>(() => initial.map((m) => ({ key: nextKey(), name: m.name, fileId: m.fileId })));
  const [error, setError] = useState<string | null>(null);
  const picker = useRef<FilePicker | null>(null);

  useEffect(() => {
    const onFile = (file: PickedFile) => {
      const key = nextKey();
      setError(null);
      setSlots((prev) => [...prev, { key, name: titleOf(file.name), fileId: null }]);
      uploadPdf(file)
        .then(({ fileId }) => setSlots((prev) => prev.map((s) => (s.key === key ? { ...s, fileId } : s))))
        .catch((e) => {
          setSlots((prev) => prev.filter((s) => s.key !== key));
          setError(errorMessage(e, '文件上传失败，请重试'));
        });
    };
    // Attached on mount so the H5 <input class="meeting-pdf-input"> exists before any click.
    picker.current = attachFileInput({
      extensions: ['pdf'],
      maxBytes: PDF_MAX_BYTES,
      tooLargeMessage: 'PDF 文件不能超过 20 MB',
      className: 'meeting-pdf-input',
      readBase64: false,
      onFile,
      onError: setError,
    });
    return () => picker.current?.detach();
  }, []);

  return {
    slots,
    uploading: slots.some((s) => s.fileId === null),
    error,
    open: () => picker.current?.open(),
    remove: (key) => setSlots((prev) => prev.filter((s) => s.key !== key)),
    materials: slots.flatMap((s) => (s.fileId ? [{ fileId: s.fileId, name: s.name, kind: 'pdf' as const }] : [])),
  };
}

/** One row per PDF (name, 上传中 or a remove button) and an add button. */
export function PdfField({ uploads }: { uploads: PdfUploads }) {
  return (
    <View className="m-field schedule-pdfs">
      <Text className="m-field__label">PDF 材料（可选，单个不超过 20 MB）</Text>
      {uploads.slots.map((s) => (
        <View key={s.key} className="schedule-pdf">
          <Text className="schedule-pdf__tag">PDF</Text>
          <Text className="schedule-pdf__name">{s.name}</Text>
          {s.fileId === null ? (
            <Loading type="spinner">上传中</Loading>
          ) : (
            <View className="schedule-pdf__remove" {...pressable(() => uploads.remove(s.key))} aria-label={`删除 ${s.name}`}>
              <Text>×</Text>
            </View>
          )}
        </View>
      ))}
      <View className="schedule-pdf-add" {...pressable(() => uploads.open())}>
        <Text>＋ 添加 PDF</Text>
      </View>
      {uploads.error && <Text className="form-error schedule-pdf-error">{uploads.error}</Text>}
    </View>
  );
}
