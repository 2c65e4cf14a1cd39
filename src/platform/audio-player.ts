import type { AudioEvent, AudioPlayer } from './audio-player-types';

export type { AudioEvent, AudioPlayer } from './audio-player-types';

/**
 * H5: an HTMLAudioElement (never attached to the page). The mini program variant wraps
 * Taro.createInnerAudioContext.
 */
export function createAudioPlayer(onEvent: (event: AudioEvent) => void): AudioPlayer {
  const audio = new Audio();
  audio.preload = 'metadata';
  let startAt = 0;
  let rate = 1;
  const duration = () => (Number.isFinite(audio.duration) ? audio.duration : 0);
  const emit = (type: AudioEvent['type']) => onEvent({ type, position: audio.currentTime, duration: duration() });

  const listeners: Array<[string, () => void]> = [
    ['play', () => emit('play')],
    ['pause', () => {
      // The element pauses itself at the end too; `ended` reports that one.
      if (!audio.ended) emit('pause');
    }],
    ['ended', () => emit('ended')],
    ['timeupdate', () => emit('time')],
    ['seeked', () => emit('seeked')],
    ['waiting', () => emit('waiting')],
    ['loadedmetadata', () => {
      if (startAt > 0 && startAt < duration()) audio.currentTime = startAt;
      audio.playbackRate = rate;
      emit('meta');
    }],
    ['error', () => emit('error')],
  ];
  listeners.forEach(([name, fn]) => audio.addEventListener(name, fn));

  const play = () => {
    audio.playbackRate = rate;
    // Autoplay rules may refuse; the UI stays paused and the member taps play.
    void audio.play().catch(() => emit('pause'));
  };

  return {
    load(src, at, autoplay) {
      startAt = Math.max(0, at);
      audio.src = src;
      audio.load();
      if (autoplay) play();
    },
    play,
    pause: () => audio.pause(),
    seek(seconds) {
      const d = duration();
      audio.currentTime = Math.max(0, d > 0 ? Math.min(seconds, d - 0.1) : seconds);
    },
    setRate(value) {
      rate = value;
      audio.playbackRate = value;
    },
    get position() {
      return audio.currentTime;
    },
    get duration() {
      return duration();
    },
    get paused() {
      return audio.paused;
    },
    destroy() {
      listeners.forEach(([name, fn]) => audio.removeEventListener(name, fn));
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
    },
  };
}
