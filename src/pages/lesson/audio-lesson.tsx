import { useEffect, useMemo, useRef, useState } from 'react';
import { View, Text, Slider } from '@tarojs/components';
import { createAudioPlayer, type AudioEvent, type AudioPlayer } from '../../platform/audio-player';
import { useLeave } from '../../hooks/use-leave';
import { clockText } from '../../utils/lesson-format';
import { MediaBeatTracker } from '../../utils/media-beats';
import { ChapterList } from './chapter-list';
import { clampChapter, startPosition, type PlayerProps } from './types';
import { pressable } from '../../utils/pressable';

const RATES = [1, 1.25, 1.5];
const SKIP_SEC = 15;

/** An audio lesson: big play / pause, ±15 s, a seek bar, speed, and the chapter list. */
export function AudioLesson({ lesson, saver, initial }: PlayerProps) {
  const { chapters } = lesson;
  const [chapter, setChapter] = useState(() => clampChapter(lesson, initial.resume.chapter));
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(() => startPosition(chapters[chapter], initial.resume.position));
  const [dragging, setDragging] = useState<number | null>(null);
  const [rate, setRate] = useState(1);
  const [failed, setFailed] = useState(false);
  const { add, save, setResume } = saver;
  const tracker = useMemo(() => new MediaBeatTracker((beat) => add([beat])), [add]);
  const player = useRef<AudioPlayer | null>(null);
  const chapterRef = useRef(chapter);
  chapterRef.current = chapter;
  const duration = chapters[chapter]?.durationSec ?? 0;

  const onEvent = useRef<(e: AudioEvent) => void>(() => undefined);
  onEvent.current = (e: AudioEvent) => {
    const ch = chapterRef.current;
    switch (e.type) {
      case 'play':
        setPlaying(true);
        setFailed(false);
        tracker.play(e.position);
        break;
      case 'pause':
        setPlaying(false);
        tracker.pause(e.position);
        setResume(ch, e.position);
        save('pause');
        break;
      case 'time':
        setPosition(e.position);
        if (tracker.time(e.position)) save('tick', (chapters[ch]?.durationSec ?? e.position) - e.position);
        setResume(ch, e.position);
        break;
      case 'seeked':
        tracker.seeked(e.position);
        setPosition(e.position);
        break;
      case 'ended': {
        setPlaying(false);
        const end = chapters[ch]?.durationSec ?? e.position;
        tracker.ended(end);
        setResume(ch, end);
        save('ended');
        if (ch + 1 < chapters.length) load(ch + 1, true);
        break;
      }
      case 'error':
        setPlaying(false);
        setFailed(true);
        tracker.pause();
        break;
      default:
        break;
    }
  };

  const load = (index: number, autoplay: boolean) => {
    const ch = chapters[index];
    if (!ch || !player.current) return;
    const at = index === chapterRef.current && !autoplay ? position : startPosition(ch, saver.progress.chapters[index]?.position ?? 0);
    tracker.setChapter(index, at);
    chapterRef.current = index;
    setChapter(index);
    setPosition(at);
    setResume(index, at);
    player.current.load(ch.url, at, autoplay);
  };

  useEffect(() => {
    const p = createAudioPlayer((e) => onEvent.current(e));
    player.current = p;
    const ch = chapters[chapterRef.current];
    const at = startPosition(ch, initial.resume.position);
    tracker.setChapter(chapterRef.current, at);
    if (ch) p.load(ch.url, at, false);
    return () => {
      player.current = null;
      p.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useLeave(() => {
    player.current?.pause();
    tracker.stop();
    save('leave');
  });

  const toggle = () => {
    const p = player.current;
    if (!p) return;
    if (playing) p.pause();
    else p.play();
  };

  const seekTo = (target: number) => {
    const p = player.current;
    if (!p) return;
    const to = Math.max(0, Math.min(target, Math.max(0, (p.duration || duration) - 0.5)));
    tracker.seeking();
    p.seek(to);
    tracker.seeked(to);
    setPosition(to);
    setResume(chapterRef.current, to);
  };

  const nextRate = () => {
    const next = RATES[(RATES.indexOf(rate) + 1) % RATES.length];
    setRate(next);
    player.current?.setRate(next);
  };

  const shown = dragging ?? position;
  return (
    <View className="lesson-player">
      <View className="lesson-audio">
        <Text className="lesson-audio__chapter">{chapters[chapter]?.title}</Text>
        <Slider
          className="audio-seek"
          min={0}
          max={Math.max(1, Math.round(duration))}
          step={1}
          value={Math.round(shown)}
          activeColor="#c8161d"
          blockSize={28}
          onChanging={(e) => setDragging(Number(e.detail.value))}
          onChange={(e) => {
            setDragging(null);
            seekTo(Number(e.detail.value));
          }}
        />
        <Text className="audio-time">
          {clockText(shown)} / {clockText(duration)}
        </Text>
        <View className="lesson-audio__controls">
          <View className="audio-button audio-back" {...pressable(() => seekTo(position - SKIP_SEC))} aria-label="后退 15 秒">
            <Text className="audio-button__text">-15秒</Text>
          </View>
          <View className={`audio-toggle ${playing ? 'is-playing' : ''}`} {...pressable(toggle)} aria-label={playing ? '暂停' : '播放'}>
            <Text className="audio-toggle__text">{playing ? '暂停' : '播放'}</Text>
          </View>
          <View className="audio-button audio-forward" {...pressable(() => seekTo(position + SKIP_SEC))} aria-label="前进 15 秒">
            <Text className="audio-button__text">+15秒</Text>
          </View>
        </View>
        <View className="lesson-audio__extra">
          <Text className="audio-rate" {...pressable(nextRate)}>
            倍速 {rate}x
          </Text>
        </View>
        {failed && <Text className="form-error audio-error">音频加载失败，请检查网络后点播放重试</Text>}
      </View>
      <ChapterList chapters={chapters} progress={saver.progress} active={chapter} onSelect={(i) => load(i, true)} />
    </View>
  );
}
