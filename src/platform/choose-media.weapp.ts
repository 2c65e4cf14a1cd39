import Taro from '@tarojs/taro';
import { mediaProblem, mediaType, MEDIA_EXTENSIONS, type MediaKind, type MediaPicker, type MediaPickerOptions, type PickedMedia } from './media-types';

export type { MediaPicker, MediaPickerOptions, PickedMedia } from './media-types';

const AUDIO_PROBE_MS = 8000;

/** An audio file's seconds: an InnerAudioContext reports it once it can play; null if it never does. */
function audioDuration(src: string): Promise<number | null> {
  return new Promise((resolve) => {
    const ctx = Taro.createInnerAudioContext();
    let done = false;
    const finish = (value: number | null) => {
      if (done) return;
      done = true;
      clearInterval(poll);
      ctx.destroy();
      resolve(value);
    };
    // `duration` is 0 until the context has read enough; poll briefly after canplay.
    const poll = setInterval(() => {
      if (ctx.duration > 0) finish(Math.round(ctx.duration));
    }, 200);
    ctx.onError(() => finish(null));
    ctx.src = src;
    setTimeout(() => finish(null), AUDIO_PROBE_MS);
  });
}

async function videoDuration(src: string): Promise<number | null> {
  try {
    const info = await Taro.getVideoInfo({ src });
    return info.duration > 0 ? Math.round(info.duration) : null;
  } catch {
    return null;
  }
}

const durationOf = (kind: MediaKind, path: string) => (kind === 'audio' ? audioDuration(path) : videoDuration(path));

async function fromChat(kind: MediaKind): Promise<PickedMedia | null> {
  const res = await Taro.chooseMessageFile({ count: 1, type: kind === 'video' ? 'video' : 'file', extension: MEDIA_EXTENSIONS[kind] });
  const f = res.tempFiles[0];
  if (!f) return null;
  const name = f.name || f.path;
  return { kind, path: f.path, name, size: f.size, type: mediaType(kind, name, ''), durationSec: await durationOf(kind, f.path) };
}

async function fromAlbum(): Promise<PickedMedia | null> {
  const res = await Taro.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album', 'camera'] });
  const f = res.tempFiles[0];
  if (!f) return null;
  const duration = f.duration > 0 ? Math.round(f.duration) : await videoDuration(f.tempFilePath);
  return { kind: 'video', path: f.tempFilePath, name: '视频.mp4', size: f.size, type: 'video/mp4', durationSec: duration };
}

/**
 * Mini program: audio from a WeChat chat (where staff receive recordings); video from the album or a
 * chat. Durations come from the platform (chooseMedia, getVideoInfo, or an audio context).
 */
export function attachMediaPicker(options: MediaPickerOptions): MediaPicker {
  const open = async () => {
    let picked: PickedMedia | null = null;
    try {
      if (options.kind === 'audio') picked = await fromChat('audio');
      else {
        const sheet = await Taro.showActionSheet({ itemList: ['从相册选择', '从聊天记录选择'] });
        picked = sheet.tapIndex === 0 ? await fromAlbum() : await fromChat('video');
      }
    } catch {
      return; // the user closed the picker
    }
    if (!picked) return;
    const problem = mediaProblem(picked.kind, picked.name, picked.type, picked.size);
    if (problem) return options.onError(problem);
    options.onPick(picked);
  };
  return { open: () => void open(), detach: () => undefined };
}
