import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import './index.scss';
import { pressable } from '../../utils/pressable';

interface CardProps {
  title?: ReactNode;
  extra?: ReactNode;
  className?: string;
  children?: ReactNode;
  onClick?: () => void;
}

/** A white block with an optional heading: the page's basic unit. */
export function Card({ title, extra, className, children, onClick }: CardProps) {
  return (
    <View className={`card ${className ?? ''}`} {...(onClick ? pressable(onClick) : {})}>
      {(title || extra) && (
        <View className="card__head">
          {title && <Text className="card__title">{title}</Text>}
          {extra}
        </View>
      )}
      {children}
    </View>
  );
}

/** One "label: value" line inside a card; the value carries a class tests can find. */
export function InfoRow({ label, value, valueClassName }: { label: string; value: ReactNode; valueClassName?: string }) {
  return (
    <View className="info-row">
      <Text className="info-row__label">{label}</Text>
      <Text className={`info-row__value ${valueClassName ?? ''}`}>{value}</Text>
    </View>
  );
}
