// The document camera (高拍仪) through the browser's camera API: a live view, a capture
// per material as JPEG, retake, preview. Opened only while the photo step is on screen
// (the host grants the camera only then: repairCameraStep) and stopped when it goes.
// Failures are classified as the face step classifies them (cameraFailure), one way.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraFailure } from '../face/FaceScreen';

export type CameraState = 'opening' | 'ready' | 'absent' | 'denied' | 'failed';

interface DocumentCameraProps {
  /** Called with the page as base64 JPEG. */
  onCapture: (jpegBase64: string) => void;
  onState: (state: CameraState) => void;
  disabled: boolean;
  label: string;
}

const STATE_OF: Partial<Record<ReturnType<typeof cameraFailure>, CameraState>> = { 'no-camera': 'absent', 'camera-denied': 'denied' };

export function DocumentCamera({ onCapture, onState, disabled, label }: DocumentCameraProps) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<CameraState>('opening');
  const stream = useRef<MediaStream | null>(null);

  useEffect(() => {
    let cancelled = false;
    const set = (s: CameraState) => {
      if (cancelled) return;
      setState(s);
      onState(s);
    };
    void (async () => {
      try {
        const s = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1600 }, height: { ideal: 1200 } }, audio: false });
        if (cancelled) return s.getTracks().forEach((tr) => tr.stop());
        stream.current = s;
        for (const track of s.getVideoTracks()) track.addEventListener('ended', () => set('failed'));
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play();
        }
        set('ready');
      } catch (err) {
        set(STATE_OF[cameraFailure(err)] ?? 'failed');
      }
    })();
    return () => {
      cancelled = true;
      stream.current?.getTracks().forEach((tr) => tr.stop());
      stream.current = null;
    };
  }, [onState]);

  const capture = () => {
    const v = video.current;
    if (!v || !stream.current?.active || v.videoWidth === 0) {
      setState('failed');
      onState('failed');
      return;
    }
    // Scaled to at most 1600 px wide: a legible page within the configured size.
    const scale = Math.min(1, 1600 / v.videoWidth);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(v.videoWidth * scale);
    canvas.height = Math.round(v.videoHeight * scale);
    canvas.getContext('2d')?.drawImage(v, 0, 0, canvas.width, canvas.height);
    const url = canvas.toDataURL('image/jpeg', 0.8);
    onCapture(url.slice(url.indexOf(',') + 1));
  };

  return (
    <div className="document-camera" data-testid="document-camera" data-state={state}>
      <video ref={video} muted playsInline aria-label={t('repair.photos.video')} className={state === 'ready' ? '' : 'hidden'} />
      {state === 'opening' && <p className="muted">{t('repair.photos.opening')}</p>}
      {state === 'ready' && (
        <button type="button" className="primary" disabled={disabled} onClick={capture} data-testid="repair-capture">
          {label}
        </button>
      )}
    </div>
  );
}
