// Why the camera would not open, from the error getUserMedia (or a track) failed with:
// the face step and the repair step's document camera say the same thing for it.
// Chromium's current names first, then the legacy ones older builds still give.
import type { FaceUnavailableReason } from '../../src-main/common/face/faceDecision';

export type CameraFailure = Extract<FaceUnavailableReason, 'no-camera' | 'camera-denied' | 'camera-busy' | 'camera-failed'>;

const BY_NAME: Readonly<Record<string, CameraFailure>> = {
  NotFoundError: 'no-camera',
  DevicesNotFoundError: 'no-camera',
  OverconstrainedError: 'no-camera',
  ConstraintNotSatisfiedError: 'no-camera',
  // No mediaDevices at all (an insecure origin or a browser without cameras).
  TypeError: 'no-camera',
  NotAllowedError: 'camera-denied',
  PermissionDeniedError: 'camera-denied',
  SecurityError: 'camera-denied',
  // The device is there but another program holds it (or the driver would not start it).
  NotReadableError: 'camera-busy',
  TrackStartError: 'camera-busy',
  AbortError: 'camera-busy',
};

export function cameraFailure(err: unknown): CameraFailure {
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
  return (typeof name === 'string' && Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : undefined) ?? 'camera-failed';
}
