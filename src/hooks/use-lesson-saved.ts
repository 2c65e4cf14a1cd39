import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';

const EVENT = 'wzb:lesson-saved';

/** Tells other pages (the home card) that a lesson's progress changed on the server. */
export function announceLessonSaved(lessonId: string): void {
  Taro.eventCenter.trigger(EVENT, lessonId);
}

/**
 * Runs `onSaved` (at most once a second) when a lesson's progress is saved: the lesson page saves
 * last when the member leaves, possibly after the home card already reloaded on return.
 */
export function useLessonSaved(onSaved: () => void): void {
  const latest = useRef(onSaved);
  latest.current = onSaved;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const handler = () => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        latest.current();
      }, 1000);
    };
    Taro.eventCenter.on(EVENT, handler);
    return () => {
      Taro.eventCenter.off(EVENT, handler);
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
}
