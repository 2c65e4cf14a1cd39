import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressView } from '../domain/api/lessons';
import type { ResumePoint } from '../domain/lesson/lesson';
import { LESSON_LIMITS } from '../domain/lesson/limits';
import type { DirtyReason, Heartbeat } from '../domain/lesson/progress';
import { planSave } from '../domain/lesson/save-plan';
import { lessonsApi } from '../platform/api';
import { readPending, writePending } from '../platform/pending-beats';
import { enqueueBeats } from '../utils/beat-queue';
import { errorCode } from '../utils/error-message';
import { announceLessonSaved } from './use-lesson-saved';

export type SaveState = 'idle' | 'saving' | 'saved' | 'retrying';

export interface ProgressSaver {
  progress: ProgressView;
  saveState: SaveState;
  /** Queues heartbeats (kept on the phone until the server accepts them). */
  add: (beats: ReadonlyArray<Heartbeat>) => void;
  /** Where the member is now; sent with the next save. Moves under `tolerance` are ignored. */
  setResume: (chapter: number, position: number, tolerance?: number) => void;
  /**
   * Saves if the policy allows (src/domain/lesson/save-plan.ts: at most once a minute while studying;
   * always on pause, leave and end). Players pass the seconds left in the chapter with their ticks.
   */
  save: (reason: DirtyReason, untilChapterEndSec?: number) => void;
}

/** Failures worth retrying: the network or the server having a bad moment. Anything else is final. */
const RETRYABLE = new Set(['NETWORK', 'INTERNAL', 'CONFLICT']);
const URGENT: ReadonlyArray<DirtyReason> = ['leave', 'ended', 'pause'];

/**
 * The client's save policy for one lesson (src/domain/lesson/progress.ts shouldSave): heartbeats are
 * queued in memory and in storage, sent at most once a minute, and always on pause, when a chapter or
 * the lesson ends or the page is left. A failed save keeps the beats for the next try (or the next visit).
 */
export function useProgressSaver(lessonId: string, initial: ProgressView, onCompleted?: () => void, mediaTotalSec = 0): ProgressSaver {
  const [progress, setProgress] = useState(initial);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const stored = useRef(readPending(lessonId));
  const queue = useRef<Heartbeat[]>(stored.current?.beats ?? []);
  const sending = useRef<Heartbeat[]>([]);
  const resume = useRef<ResumePoint | null>(stored.current?.resume ?? null);
  const resumeDirty = useRef(resume.current !== null);
  // Opening the lesson (`get`) saved its progress: the first minute's save is a minute after that.
  const lastSavedAt = useRef<number | null>(Date.now());
  const inflight = useRef(false);
  const owed = useRef<DirtyReason>('none');
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);
  const completedRef = useRef(onCompleted);
  completedRef.current = onCompleted;

  const persist = useCallback(() => {
    writePending(lessonId, { beats: [...sending.current, ...queue.current], resume: resumeDirty.current ? resume.current : null, at: Date.now() });
  }, [lessonId]);

  const saveRef = useRef<(reason: DirtyReason) => void>(() => undefined);

  const scheduleRetry = useCallback(() => {
    if (retryTimer.current !== null || !alive.current) return;
    const wait = Math.max(1000, (lastSavedAt.current ?? 0) + LESSON_LIMITS.saveIntervalMs - Date.now());
    retryTimer.current = setTimeout(() => {
      retryTimer.current = null;
      saveRef.current('tick');
    }, wait);
  }, []);

  const untilEnd = useRef<{ sec: number; at: number } | null>(null);
  const progressRef = useRef(progress);
  progressRef.current = progress;

  const save = useCallback(
    (asked: DirtyReason, untilChapterEndSec?: number) => {
      const now = Date.now();
      // The retry timer ticks without a position: it uses the player's last report, if recent.
      if (untilChapterEndSec !== undefined) untilEnd.current = { sec: untilChapterEndSec, at: now };
      const last = untilEnd.current;
      const untilEndNow = untilChapterEndSec ?? (last && now - last.at < 15_000 ? last.sec - (now - last.at) / 1000 : undefined);
      const dirty = queue.current.length > 0 || resumeDirty.current;
      if (!dirty || asked === 'none') return;
      const reason = planSave({ asked, lastSavedAt: lastSavedAt.current, now, saved: progressRef.current, queue: queue.current, mediaTotalSec, untilChapterEndSec: untilEndNow });
      if (inflight.current) {
        // One save at a time; an urgent one runs as soon as this finishes.
        if (reason && URGENT.includes(reason)) owed.current = reason;
        return;
      }
      if (reason === null) return scheduleRetry();
      if (retryTimer.current !== null) {
        clearTimeout(retryTimer.current);
        retryTimer.current = null;
      }
      const beats = queue.current.slice(0, LESSON_LIMITS.heartbeatsPerSaveMax);
      queue.current = queue.current.slice(beats.length);
      sending.current = beats;
      const sentResume = resume.current;
      inflight.current = true;
      lastSavedAt.current = now;
      if (alive.current) setSaveState('saving');
      void lessonsApi('progress', { lessonId, beats, ...(sentResume ? { resume: sentResume } : {}) })
        .then((out) => {
          sending.current = [];
          if (resume.current === sentResume) resumeDirty.current = false;
          persist();
          if (alive.current) {
            setProgress(out.progress);
            setSaveState('saved');
          }
          if (out.justCompleted) completedRef.current?.();
          announceLessonSaved(lessonId);
        })
        .catch((e: unknown) => {
          const retry = RETRYABLE.has(errorCode(e) ?? 'NETWORK');
          // A refused payload would be refused again: drop it instead of retrying forever.
          queue.current = retry ? enqueueBeats(sending.current, queue.current) : queue.current;
          if (!retry) resumeDirty.current = false;
          sending.current = [];
          persist();
          if (alive.current) setSaveState(retry ? 'retrying' : 'idle');
          if (retry) scheduleRetry();
        })
        .finally(() => {
          inflight.current = false;
          const next = owed.current;
          owed.current = 'none';
          if (next !== 'none') saveRef.current(next);
          else if (queue.current.length > 0) scheduleRetry();
        });
    },
    [lessonId, persist, scheduleRetry, mediaTotalSec],
  );
  saveRef.current = save;

  const add = useCallback(
    (beats: ReadonlyArray<Heartbeat>) => {
      if (beats.length === 0) return;
      queue.current = enqueueBeats(queue.current, beats);
      persist();
    },
    [persist],
  );

  const setResume = useCallback((chapter: number, position: number, tolerance = 0.5) => {
    const prev = resume.current;
    if (prev && prev.chapter === chapter && Math.abs(prev.position - position) < tolerance) return;
    resume.current = { chapter, position: Math.round(position * 1000) / 1000, at: Date.now() };
    resumeDirty.current = true;
  }, []);

  useEffect(() => {
    alive.current = true;
    // Beats left over from a failed save last time go first.
    if (queue.current.length > 0) saveRef.current('ended');
    return () => {
      alive.current = false;
      if (retryTimer.current !== null) clearTimeout(retryTimer.current);
      retryTimer.current = null;
    };
  }, []);

  return { progress, saveState, add, setResume, save };
}
