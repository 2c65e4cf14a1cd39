import { Text } from '@tarojs/components';
import { copyText, toast } from '../../platform/feedback';
import { splitLinks } from '../../utils/linkify';
import './index.scss';
import { pressable } from '../../utils/pressable';

async function copyLink(url: string) {
  // The mini program cannot open outside web pages; copying lets the member paste it into a browser.
  if (await copyText(url, '复制失败，请长按链接手动复制')) toast('链接已复制，可粘贴到浏览器打开');
}

/**
 * Plain text with web addresses highlighted; tapping one copies it. Always text, never HTML: markup in
 * the input shows as the characters typed.
 */
export function LinkifiedText({ text, className }: { text: string; className?: string }) {
  return (
    <Text className={`linkified ${className ?? ''}`} userSelect>
      {splitLinks(text).map((segment, i) =>
        segment.link ? (
          <Text key={i} className="linkified__link" {...pressable(() => void copyLink(segment.text))}>
            {segment.text}
          </Text>
        ) : (
          segment.text
        ),
      )}
    </Text>
  );
}
