import { useEffect, useMemo, useRef, useState } from 'react';
import { useDidShow, usePageScroll, useReachBottom } from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { useLeave } from '../../hooks/use-leave';
import { usePageVisible } from '../../hooks/use-page-visibility';
import { LESSON_LIMITS } from '../../domain/lesson/limits';
import { appInForeground } from '../../platform/foreground';
import { observeEnd, readFraction, scrollToBlock } from '../../platform/reading-view';
import { BEAT_EVERY_MS } from '../../utils/media-beats';
import { ReadingTracker, readingSecondsLeft } from '../../utils/reading-beats';
import type { PlayerProps } from './types';
import { previewImage } from '../../platform/preview-image';

const ARTICLE = '.lesson-article';
const END = '.lesson-article-end';
/** Scroll events come fast; measure at most this often. */
const MEASURE_EVERY_MS = 500;

/**
 * An article in large type. Reading time counts while the article is on screen and the app in front
 * (not only while scrolling); near the end the reader sees how many seconds are still needed, and the
 * lesson completes by itself once they have passed (the server still requires the end and the time).
 */
export function ArticleLesson({ lesson, saver, initial }: PlayerProps) {
  const { add, save, setResume, progress } = saver;
  const tracker = useMemo(() => new ReadingTracker(), []);
  const [readAtOpen] = useState(() => progress.readSec);
  const [secondsLeft, setSecondsLeft] = useState(() => Math.max(0, Math.ceil(progress.minReadSec - progress.readSec)));
  const progressRef = useRef(progress);
  progressRef.current = progress;
  /** When the last “time is up” save went: at most one per save interval, should the server still want more. */
  const finishSentAt = useRef(0);
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

  // One tick a second counts reading time; a beat goes out every 10 s of it. Once the end was seen and
  // the minimum time has passed, one save goes at once so the lesson completes without another gesture.
  useEffect(() => {
    const timer = setInterval(() => {
      tracker.tick(visibleRef.current && appInForeground());
      const p = progressRef.current;
      const left = readingSecondsLeft(p.minReadSec, readAtOpen, tracker.countedSec, p.readSec);
      setSecondsLeft(left);
      const now = Date.now();
      if (!p.completed && tracker.reachedEnd && left === 0 && now - finishSentAt.current >= LESSON_LIMITS.saveIntervalMs) {
        finishSentAt.current = now;
        sendRef.current('ended');
      } else if (tracker.pendingMs >= BEAT_EVERY_MS) sendRef.current('tick');
    }, 1000);
    return () => clearInterval(timer);
  }, [tracker, readAtOpen]);

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

  usePageScroll(() => measure());
  useReachBottom(() => reachEndRef.current());
  useDidShow(() => tracker.resume());
  useLeave(() => sendRef.current('leave'));

  return (
    <View className="lesson-article">
      {lesson.body.map((b, i) =>
        b.type === 'img' ? (
          <View key={i} id={`lesson-block-${i}`} className="lesson-figure" onClick={() => void previewImage(urls, b.url).catch(() => undefined)}>
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
        {!progress.completed && (
          <Text className="lesson-read-left" aria-live="polite">
            {secondsLeft > 0 ? `还需阅读 ${secondsLeft} 秒，停留在本页即可，无需再滑动` : '阅读时间已满，正在完成…'}
          </Text>
        )}
      </View>
    </View>
  );
}
