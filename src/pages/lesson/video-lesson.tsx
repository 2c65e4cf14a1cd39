import { useEffect, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Video } from '@tarojs/components';
import { useLeave } from '../../hooks/use-leave';
import { MediaBeatTracker } from '../../utils/media-beats';
import { ChapterList } from './chapter-list';
import { clampChapter, startPosition, type PlayerProps } from './types';

type TimeEvent = { detail: { currentTime?: number; position?: number } };

/** A video lesson: one player per chapter, heartbeats from what was really played. */
export function VideoLesson({ lesson, saver, initial }: PlayerProps) {
  const { chapters } = lesson;
  const [chapter, setChapter] = useState(() => clampChapter(lesson, initial.resume.chapter));
  const [autoplay, setAutoplay] = useState(false);
  const startAt = useRef(startPosition(chapters[chapter], initial.resume.position));
  const { add, save, setResume } = saver;
  const tracker = useMemo(() => new MediaBeatTracker((beat) => add([beat])), [add]);
  const videoId = `lesson-video-${chapter}`;

  useEffect(() => {
    tracker.setChapter(chapter, startAt.current);
  }, [tracker, chapter]);

  useLeave(() => {
    try {
      Taro.createVideoContext(videoId).pause();
    } catch {
      // already gone
    }
    tracker.stop();
    setResume(chapter, tracker.position);
    save('leave');
  });

  const switchTo = (index: number, auto: boolean) => {
    tracker.stop();
    save('ended');
    const ch = chapters[index];
    startAt.current = startPosition(ch, saver.progress.chapters[index]?.position ?? 0);
    setResume(index, startAt.current);
    setAutoplay(auto);
    setChapter(index);
  };

  const onTime = (e: TimeEvent) => {
    const pos = Number(e.detail.currentTime);
    if (!Number.isFinite(pos)) return;
    if (tracker.time(pos)) save('tick', (chapters[chapter]?.durationSec ?? pos) - pos);
    setResume(chapter, pos);
  };

  const onEnded = () => {
    const end = chapters[chapter]?.durationSec ?? tracker.position;
    tracker.ended(end);
    setResume(chapter, end);
    save('ended');
    if (chapter + 1 < chapters.length) switchTo(chapter + 1, true);
  };

  const current = chapters[chapter];
  if (!current) return null;
  return (
    <View className="lesson-player">
      {/* Taro's H5 video is absolutely positioned: the box gives it its place and size. */}
      <View className="lesson-video-box">
        <Video
          key={chapter}
          id={videoId}
          className="lesson-video"
          src={current.url}
          initialTime={startAt.current}
          autoplay={autoplay}
          controls
          showCenterPlayBtn
          enableProgressGesture={false}
          objectFit="contain"
          title={current.title}
          onPlay={() => tracker.play(tracker.position)}
          onPause={() => {
            tracker.pause();
            save('pause');
          }}
          onEnded={onEnded}
          onTimeUpdate={onTime}
          onSeekComplete={(e: TimeEvent) => {
            const pos = Number(e.detail.position ?? e.detail.currentTime);
            if (Number.isFinite(pos)) tracker.seeked(pos);
          }}
        />
      </View>
      <ChapterList chapters={chapters} progress={saver.progress} active={chapter} onSelect={(i) => switchTo(i, true)} />
    </View>
  );
}
