import { useEffect, useState } from 'react';
import { View, Text, Image } from '@tarojs/components';
import { qrImage } from '../../platform/qr-image';
import './index.scss';

export interface RotatingQrProps {
  /** What the QR code carries (the signed check-in token). */
  payload: string;
  /** The 6-digit code that rotates with it, typed on H5. */
  code: string;
  /** When this code stops being accepted (epoch ms); the countdown runs to it. */
  expiresAt: number;
  /** The server's clock minus the device's, so the countdown matches what the server accepts. */
  clockSkewMs?: number;
  /** Read aloud with the image: which meeting this is for. */
  label: string;
}

/** Seconds left until `expiresAt`, ticking every second. */
function useSecondsLeft(expiresAt: number, skew: number): number {
  const left = () => Math.max(0, Math.ceil((expiresAt - (Date.now() + skew)) / 1000));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    const timer = setInterval(() => setSeconds(left()), 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [expiresAt, skew]);
  return seconds;
}

/**
 * The check-in display: a big QR code, its 6-digit code spaced for reading across a room, and a
 * countdown to the next code. It only draws what it is given; the page fetches the next code.
 */
export function RotatingQr({ payload, code, expiresAt, clockSkewMs = 0, label }: RotatingQrProps) {
  const [image, setImage] = useState<string | null>(null);
  const seconds = useSecondsLeft(expiresAt, clockSkewMs);
  useEffect(() => {
    let live = true;
    qrImage(payload).then(
      (src) => live && setImage(src),
      () => live && setImage(null),
    );
    return () => {
      live = false;
    };
  }, [payload]);

  return (
    <View className="rotating-qr">
      <View className="rotating-qr__frame">
        {image ? (
          <Image className="rotating-qr__image" src={image} mode="aspectFit" ariaLabel={`${label}签到二维码`} imgProps={{ alt: `${label}签到二维码` }} />
        ) : (
          <View className="rotating-qr__placeholder" />
        )}
      </View>
      <Text className="rotating-qr__caption">签到码</Text>
      <View className="rotating-qr-code" role="img" aria-label={`签到码 ${code.split('').join(' ')}`}>
        {code}
      </View>
      <View className="rotating-qr__countdown" aria-live="off">
        <View className="rotating-qr__bar">
          <View className="rotating-qr__bar-fill" style={{ width: `${Math.min(100, (seconds / 30) * 100)}%` }} />
        </View>
        <Text className="rotating-qr-seconds">{seconds > 0 ? `${seconds} 秒后更新` : '正在更新…'}</Text>
      </View>
    </View>
  );
}
