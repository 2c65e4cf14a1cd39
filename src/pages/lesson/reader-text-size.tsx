import type { PropsWithChildren } from 'react';
import { View, Text } from '@tarojs/components';
import { useDisplay } from '../../hooks/use-display';
import { READER_SCALES, stepReaderScale } from '../../utils/display-settings';
import { pressable } from '../../utils/pressable';

/**
 * The article reader's text size (A− / A+), as 学习强国 readers expect; remembered with the other
 * display settings and applied on top of 大字模式 through the --reader-scale variable.
 */
export function ReaderTextSize({ children }: PropsWithChildren) {
  const { prefs, update } = useDisplay();
  const scale = prefs.readerScale;
  const smallest = scale <= READER_SCALES[0];
  const largest = scale >= READER_SCALES[READER_SCALES.length - 1];
  const step = (direction: 1 | -1) => update({ readerScale: stepReaderScale(scale, direction) });
  return (
    <View className="reader" style={{ '--reader-scale': String(scale) } as Record<string, string>}>
      <View className="reader-size" role="group" aria-label="正文字号">
        <Text className="reader-size__label">字号</Text>
        <View
          className={`reader-size__button reader-smaller ${smallest ? 'is-disabled' : ''}`}
          aria-label="A− 减小字号"
          aria-disabled={smallest}
          {...pressable(() => !smallest && step(-1))}
        >
          A−
        </View>
        <Text className="reader-size__value">{Math.round(scale * 100)}%</Text>
        <View
          className={`reader-size__button reader-larger ${largest ? 'is-disabled' : ''}`}
          aria-label="A+ 增大字号"
          aria-disabled={largest}
          {...pressable(() => !largest && step(1))}
        >
          A+
        </View>
      </View>
      {children}
    </View>
  );
}
