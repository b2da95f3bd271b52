// The face step (人证比对): the camera with a visible frame, guidance on screen and by
// voice, a few tries, then the counter with the reason. The services decide each try
// and refuse the person's data without a pass; this screen only measures. Frames,
// the card photo and both descriptors live in this effect's variables and are
// dropped (tracks stopped, refs cleared) when the step ends, whichever way it ends.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import { frameProblem, type FaceUnavailableReason, type FrameProblem } from '../../src-main/common/face/faceDecision';
import type { FaceFunction } from '../../src-main/common/face/facePolicy';
import { cameraFailure } from './cameraFailure';
import { loadFaceEngine } from './faceEngine';
import { FaceStepError, measureFrame, photoDescriptor } from './faceMeasure';
import { keepForStillness, STILL_WINDOW } from './stillPicture';
import { facePromptPlayer, promptFor } from './facePrompts';
import './face.css';

// The repair step's document camera classifies its failures the same way.
export { cameraFailure };

type CounterReason = FaceUnavailableReason | 'not-matched' | 'not-live';

type View =
  | { kind: 'preparing' }
  | { kind: 'opening' }
  | { kind: 'guide'; problem: FrameProblem | null }
  | { kind: 'comparing' }
  | { kind: 'retry'; outcome: 'not-matched' | 'not-live'; triesLeft: number }
  | { kind: 'counter'; reason: CounterReason };

/** Usable frames in a row before a try: the still-picture check needs the ones before; only the last runs every model. */
const USABLE_FRAMES = STILL_WINDOW + 1;
const RETRY_PAUSE_MS = 1500;

/** Resolves once the video presents a frame not measured yet, or after `maxMs` (a stalled camera is caught by its own checks). */
function nextVideoFrame(video: HTMLVideoElement, maxMs = 250): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    video.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface FaceScreenProps {
  api: KioskApi;
  sessionId: string;
  fn: FaceFunction;
  voiceVolume: number;
  onPassed: () => void;
  onFinish: () => void;
}

export function FaceScreen({ api, sessionId, fn, voiceVolume, onPassed, onFinish }: FaceScreenProps) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'preparing' });
  const video = useRef<HTMLVideoElement | null>(null);
  const passed = useRef(onPassed);
  useEffect(() => {
    passed.current = onPassed;
  }, [onPassed]);
  // Set by the step's effect: the person chose the counter instead of the camera.
  const decline = useRef<() => void>(() => undefined);

  useEffect(() => {
    let cancelled = false;
    let stream: MediaStream | null = null;
    let lost = false;
    const say = facePromptPlayer(i18n.language, voiceVolume);
    const show = (next: View): void => {
      if (!cancelled) setView(next);
    };
    const stop = (): void => {
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = null;
      if (video.current) video.current.srcObject = null;
    };
    const toCounter = async (reason: CounterReason, unavailable?: FaceUnavailableReason): Promise<void> => {
      stop();
      await api.endFaceCheck(unavailable ? { sessionId, fn, unavailable } : { sessionId, fn });
      say('face-counter');
      show({ kind: 'counter', reason });
    };

    decline.current = () => {
      cancelled = true;
      stop();
      void api.endFaceCheck({ sessionId, fn, unavailable: 'declined' });
      setView({ kind: 'counter', reason: 'declined' });
    };

    void (async () => {
      const begun = await api.beginFaceCheck({ sessionId, fn });
      if (cancelled) return;
      if (!begun.ok) return toCounter('model-failed');
      if (!begun.value.required || begun.value.passed) {
        passed.current();
        return;
      }
      if (begun.value.triesLeft === 0) return toCounter('not-matched');
      if (!begun.value.photo) return toCounter('no-card-photo', 'no-card-photo');
      let card: number[];
      let human;
      let inputWidth: number;
      try {
        ({ human, inputWidth } = await loadFaceEngine());
        card = await photoDescriptor(human, begun.value.photo);
      } catch (err) {
        const reason = err instanceof FaceStepError ? err.reason : 'model-failed';
        return toCounter(reason, reason);
      }
      if (cancelled) return;
      show({ kind: 'opening' });
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' }, audio: false });
      } catch (err) {
        const reason = cameraFailure(err);
        return toCounter(reason, reason);
      }
      if (cancelled || !video.current) return stop();
      for (const track of stream.getVideoTracks()) track.addEventListener('ended', () => (lost = true));
      video.current.srcObject = stream;
      try {
        await video.current.play();
      } catch {
        return toCounter('camera-failed', 'camera-failed');
      }
      performance.mark('face-camera-open');
      const work = document.createElement('canvas');
      let earlier: Float32Array[] = [];
      let usable = 0;
      say('face-start');
      while (!cancelled) {
        if (lost || !stream?.active) return toCounter('camera-lost', 'camera-lost');
        let reading;
        try {
          await nextVideoFrame(video.current);
          reading = await measureFrame(human, video.current, work, card, earlier, { inputWidth, full: usable >= USABLE_FRAMES - 1 });
        } catch {
          return toCounter('model-failed', 'model-failed');
        }
        if (cancelled) return;
        earlier = keepForStillness(earlier, reading.thumb);
        const problem = frameProblem(reading.facts);
        if (problem) {
          usable = 0;
          show({ kind: 'guide', problem: problem });
          say(promptFor(problem));
          await pause(100);
          continue;
        }
        usable += 1;
        if (usable < USABLE_FRAMES || !reading.scores) {
          show({ kind: 'guide', problem: null });
          continue;
        }
        show({ kind: 'comparing' });
        const decided = await api.submitFaceAttempt({ sessionId, fn, scores: reading.scores });
        if (performance.getEntriesByName('face-camera-to-decision').length === 0) {
          performance.mark('face-decision');
          performance.measure('face-camera-to-decision', 'face-camera-open', 'face-decision');
        }
        if (cancelled) return;
        if (!decided.ok) return toCounter('not-matched');
        if (decided.value.passed) {
          stop();
          await api.endFaceCheck({ sessionId, fn });
          if (!cancelled) passed.current();
          return;
        }
        const outcome = decided.value.outcome === 'not-live' ? 'not-live' : 'not-matched';
        if (decided.value.triesLeft === 0) return toCounter(outcome);
        show({ kind: 'retry', outcome, triesLeft: decided.value.triesLeft });
        say('face-glasses');
        usable = 0;
        earlier = [];
        await pause(RETRY_PAUSE_MS);
      }
    })();

    return () => {
      cancelled = true;
      stop();
      void api.endFaceCheck({ sessionId, fn });
    };
  }, [api, sessionId, fn, voiceVolume, i18n.language]);

  const message =
    view.kind === 'preparing'
      ? t('face.preparing')
      : view.kind === 'opening'
        ? t('face.opening')
        : view.kind === 'comparing'
          ? t('face.comparing')
          : view.kind === 'guide'
            ? view.problem
              ? t(`face.guide.${view.problem}`)
              : t('face.comparing')
            : view.kind === 'retry'
              ? t(`face.retry.${view.outcome}`, { count: view.triesLeft })
              : '';

  if (view.kind === 'counter') {
    return (
      <main className="screen face-counter" data-testid="screen-face-counter" data-reason={view.reason}>
        <h1>{t('face.counter.title')}</h1>
        <p className="lead" role="alert">
          {t(`face.counter.${view.reason}`)}
        </p>
        <p>{t('face.counter.what')}</p>
        <button type="button" className="primary" onClick={onFinish} data-testid="face-finish" autoFocus>
          {t('face.finish')}
        </button>
      </main>
    );
  }

  return (
    <main className="screen face has-action-bar" data-testid="screen-face" data-state={view.kind}>
      <div className="screen-body">
        <h1>{t('face.title')}</h1>
        <p className="lead">{t('face.lead')}</p>
        <div className="face-camera">
          <video ref={video} muted playsInline aria-hidden="true" data-testid="face-video" />
          <div className={`face-frame${view.kind === 'guide' && view.problem ? ' face-frame-warn' : ''}`} role="img" aria-label={t('face.frameLabel')} />
        </div>
        <p className="face-guidance" role="status" aria-live="polite" data-testid="face-guidance">
          {message}
        </p>
        <p className="face-note">{t('face.counter.cannotUse')}</p>
      </div>
      <div className="action-bar">
        <button type="button" className="secondary" onClick={() => decline.current()} data-testid="face-to-counter">
          {t('face.toCounter')}
        </button>
      </div>
    </main>
  );
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
