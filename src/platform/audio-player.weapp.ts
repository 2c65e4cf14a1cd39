import Taro from '@tarojs/taro';
import type { AudioEvent, AudioPlayer } from './audio-player-types';

export type { AudioEvent, AudioPlayer } from './audio-player-types';

/**
 * Mini program: one InnerAudioContext per lesson page, destroyed when the page goes. It plays even
 * in silent mode (a nurse on a break may have the ringer off) and stops when the page is left.
 */
export function createAudioPlayer(onEvent: (event: AudioEvent) => void): AudioPlayer {
  const ctx = Taro.createInnerAudioContext();
  ctx.obeyMuteSwitch = false;
  let rate = 1;
  let ended = false;
  const duration = () => (Number.isFinite(ctx.duration) ? ctx.duration : 0);
  const emit = (type: AudioEvent['type']) => onEvent({ type, position: ctx.currentTime || 0, duration: duration() });

  ctx.onPlay(() => {
    ended = false;
    emit('play');
  });
  ctx.onPause(() => emit('pause'));
  ctx.onStop(() => emit('pause'));
  ctx.onEnded(() => {
    ended = true;
    onEvent({ type: 'ended', position: duration(), duration: duration() });
  });
  ctx.onTimeUpdate(() => emit('time'));
  ctx.onSeeked(() => emit('seeked'));
  ctx.onWaiting(() => emit('waiting'));
  ctx.onCanplay(() => emit('meta'));
  ctx.onError(() => emit('error'));

  const applyRate = () => {
    try {
      ctx.playbackRate = rate;
    } catch {
      // older base libraries: normal speed only
    }
  };

  return {
    load(src, at, autoplay) {
      ended = false;
      ctx.src = src;
      ctx.startTime = Math.max(0, at);
      applyRate();
      if (autoplay) ctx.play();
    },
    play() {
      applyRate();
      ctx.play();
    },
    pause: () => ctx.pause(),
    seek(seconds) {
      const d = duration();
      ctx.seek(Math.max(0, d > 0 ? Math.min(seconds, d - 0.1) : seconds));
    },
    setRate(value) {
      rate = value;
      applyRate();
    },
    get position() {
      return ended ? duration() : ctx.currentTime || 0;
    },
    get duration() {
      return duration();
    },
    get paused() {
      return ctx.paused;
    },
    destroy() {
      try {
        ctx.stop();
      } finally {
        ctx.destroy();
      }
    },
  };
}
