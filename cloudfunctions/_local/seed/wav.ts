/**
 * Placeholder audio for the demo lessons, synthesised in code: 8 kHz, 8-bit unsigned mono PCM WAV.
 * A chapter is a soft bell-like chime, then gentle pentatonic tones with silence between them, fading
 * out at the end. The data length is exactly `durationSec` × 8000 bytes, so a declared chapter duration
 * equals the file's real duration and completion by time played works. It is not speech: the lesson
 * summaries say “（演示音频）”.
 */

export const WAV_SAMPLE_RATE = 8000;
const HEADER_BYTES = 44;

/** Frequencies (Hz) of a soft pentatonic scale around middle C: C4 D4 E4 G4 A4 C5 D5 E5. */
const PENTATONIC = [261.63, 293.66, 329.63, 392.0, 440.0, 523.25, 587.33, 659.26];
/** Chime fundamentals, one per variant so consecutive chapters sound different. */
const CHIMES = [659.26, 783.99, 880.0, 587.33];

/** A small deterministic generator (LCG) so the same chapter always produces the same bytes. */
function lcg(seed: number): () => number {
  let s = (seed * 2654435761 + 12345) >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Adds a decaying sine with harmonics into `out` starting at sample `start`. */
function addNote(out: Float32Array, start: number, freq: number, seconds: number, amp: number, decay: number, partials: number[]): void {
  const n = Math.min(out.length - start, Math.round(seconds * WAV_SAMPLE_RATE));
  const attack = Math.round(0.02 * WAV_SAMPLE_RATE);
  const release = Math.round(0.25 * WAV_SAMPLE_RATE);
  for (let i = 0; i < n; i++) {
    const t = i / WAV_SAMPLE_RATE;
    let env = Math.exp(-t / decay);
    if (i < attack) env *= i / attack;
    if (i > n - release) env *= Math.max(0, (n - i) / release);
    let v = 0;
    partials.forEach((weight, k) => {
      v += weight * Math.sin(2 * Math.PI * freq * (k + 1) * t);
    });
    out[start + i] += amp * env * v;
  }
}

/** The samples of one placeholder chapter, in [-1, 1]. */
export function demoToneSamples(durationSec: number, variant = 0): Float32Array {
  if (!Number.isInteger(durationSec) || durationSec < 4) throw new Error('demo audio needs a whole number of seconds, at least 4');
  const out = new Float32Array(durationSec * WAV_SAMPLE_RATE);
  const random = lcg(variant + 1);
  // The chime: two soft strikes a fifth apart, bell-like (a fundamental and two fading overtones).
  const chime = CHIMES[variant % CHIMES.length];
  addNote(out, 0, chime, 3, 0.32, 0.9, [0.6, 0.25, 0.1]);
  addNote(out, Math.round(0.35 * WAV_SAMPLE_RATE), chime * 1.5, 2.6, 0.22, 0.8, [0.6, 0.2]);
  // Gentle tones every 3–5 s from 4 s on, each a pentatonic note held about 1.5 s, none in the last 3 s.
  let t = 4;
  let step = Math.floor(random() * PENTATONIC.length);
  while (t < durationSec - 3) {
    step = (step + 1 + Math.floor(random() * 3)) % PENTATONIC.length;
    addNote(out, Math.round(t * WAV_SAMPLE_RATE), PENTATONIC[step], 1.6, 0.18, 1.2, [0.8, 0.15]);
    t += 3 + Math.floor(random() * 3);
  }
  // Fade in and out over 50 ms so playback starts and ends without a click.
  const fade = Math.round(0.05 * WAV_SAMPLE_RATE);
  for (let i = 0; i < fade; i++) {
    out[i] *= i / fade;
    out[out.length - 1 - i] *= i / fade;
  }
  return out;
}

/** 8-bit unsigned mono PCM WAV bytes of the samples (clipped to [-1, 1]). */
export function encodeWav8(samples: Float32Array, sampleRate = WAV_SAMPLE_RATE): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + samples.length + (samples.length % 2));
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, s: string) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate, true); // byte rate: 1 byte per sample
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples.length, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    bytes[HEADER_BYTES + i] = Math.max(0, Math.min(255, Math.round(128 + 127 * s)));
  }
  return bytes;
}

/** One placeholder chapter as WAV bytes: exactly `durationSec` seconds. */
export const demoToneWav = (durationSec: number, variant = 0): Uint8Array => encodeWav8(demoToneSamples(durationSec, variant));

export interface WavInfo {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  dataBytes: number;
  /** Seconds of audio in the data chunk. */
  durationSec: number;
}

/** Reads a PCM WAV file's header (walking its chunks); null when the bytes are not a WAV file. */
export function readWavInfo(bytes: Uint8Array): WavInfo | null {
  const text = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.length < HEADER_BYTES || text(0) !== 'RIFF' || text(8) !== 'WAVE') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Omit<WavInfo, 'dataBytes' | 'durationSec'> | null = null;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = text(offset);
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ') {
      fmt = {
        format: view.getUint16(offset + 8, true),
        channels: view.getUint16(offset + 10, true),
        sampleRate: view.getUint32(offset + 12, true),
        bitsPerSample: view.getUint16(offset + 22, true),
      };
    } else if (id === 'data' && fmt) {
      const dataBytes = Math.min(size, bytes.length - offset - 8);
      const bytesPerSecond = fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8);
      return { ...fmt, dataBytes, durationSec: dataBytes / bytesPerSecond };
    }
    offset += 8 + size + (size % 2);
  }
  return null;
}
