import { useEffect, useMemo, useRef } from 'react';
import Taro, { useDidShow, usePageScroll, useReachBottom } from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { useLeave } from '../../hooks/use-leave';
import { usePageVisible } from '../../hooks/use-page-visibility';
import { observeEnd, readFraction, scrollToBlock } from '../../platform/reading-view';
import { BEAT_EVERY_MS } from '../../utils/media-beats';
import { ReadingTracker } from '../../utils/reading-beats';
import type { PlayerProps } from './types';

const ARTICLE = '.lesson-article';
const END = '.lesson-article-end';
/** Scroll events come fast; measure at most this often. */
const MEASURE_EVERY_MS = 500;

/** An article in large type; reading time counts only while the page is visible and the reader is active. */
export function ArticleLesson({ lesson, saver, initial }: PlayerProps) {
  const { add, save, setResume } = saver;
  const tracker = useMemo(() => new ReadingTracker(), []);
  const visible = usePageVisible();
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  const lastMeasure = useRef(0);
  const urls = useMemo(() => lesson.body.flatMap((b) => (b.type === 'img' ? [b.url] : [])), [lesson.body]);

  const send = (reason: 'tick' | 'ended' | 'leave') => {
    const beat = tracker.take();
    if (beat) add([beat]);
    setResume(0, Math.round(tracker.here * 1000) / 1000, 0.01);
    save(reason);
  };
  const sendRef = useRef(send);
  sendRef.current = send;

  const measure = () => {
    const now = Date.now();
    if (now - lastMeasure.current < MEASURE_EVERY_MS) return;
    lastMeasure.current = now;
    void readFraction(ARTICLE).then((f) => {
      if (f !== null) tracker.setPosition(f);
    });
  };

  const reachEnd = () => {
    if (tracker.reachedEnd) return;
    tracker.reachEnd();
    sendRef.current('ended');
  };
  const reachEndRef = useRef(reachEnd);
  reachEndRef.current = reachEnd;

  // One tick a second counts active time; a beat goes out every 10 s of it.
  useEffect(() => {
    const timer = setInterval(() => {
      tracker.tick(visibleRef.current);
      if (tracker.pendingMs >= BEAT_EVERY_MS) sendRef.current('tick');
    }, 1000);
    return () => clearInterval(timer);
  }, [tracker]);

  useEffect(() => {
    const stop = observeEnd(END, () => reachEndRef.current());
    measure();
    // Back to where the reader was, unless they finished it.
    const at = initial.resume.position;
    if (!initial.completed && at > 0.05 && at < 0.95 && lesson.body.length > 3) {
      const index = Math.min(lesson.body.length - 1, Math.floor(at * lesson.body.length));
      const timer = setTimeout(() => void scrollToBlock(`#lesson-block-${index}`), 300);
      return () => {
        clearTimeout(timer);
        stop();
      };
    }
    return stop;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  usePageScroll(() => {
    tracker.touch();
    measure();
  });
  useReachBottom(() => reachEndRef.current());
  useDidShow(() => tracker.resume());
  useLeave(() => sendRef.current('leave'));

  return (
    <View className="lesson-article" onTouchStart={() => tracker.touch()} onClick={() => tracker.touch()}>
      {lesson.body.map((b, i) =>
        b.type === 'img' ? (
          <View key={i} id={`lesson-block-${i}`} className="lesson-figure" onClick={() => void Taro.previewImage({ urls, current: b.url }).catch(() => undefined)}>
            <Image className="lesson-image" src={b.url} mode="widthFix" lazyLoad />
          </View>
        ) : b.type === 'h' ? (
          <Text key={i} id={`lesson-block-${i}`} className="lesson-subheading">
            {b.text}
          </Text>
        ) : (
          <Text key={i} id={`lesson-block-${i}`} className="lesson-paragraph" userSelect>
            {b.text}
          </Text>
        ),
      )}
      <View className="lesson-article-end">
        <Text className="lesson-article-end__text">— 全文完 —</Text>
      </View>
    </View>
  );
}
