/** What the lesson page's audio player hears from the platform player. */
export type AudioEventType = 'play' | 'pause' | 'ended' | 'time' | 'seeked' | 'waiting' | 'meta' | 'error';

export interface AudioEvent {
  type: AudioEventType;
  /** Seconds into the current source. */
  position: number;
  /** Seconds, 0 while unknown. */
  duration: number;
}

/** One audio source at a time; `load` replaces it. */
export interface AudioPlayer {
  load: (src: string, startAt: number, autoplay: boolean) => void;
  play: () => void;
  pause: () => void;
  seek: (seconds: number) => void;
  /** 0.5–2.0. */
  setRate: (rate: number) => void;
  readonly position: number;
  readonly duration: number;
  readonly paused: boolean;
  destroy: () => void;
}
