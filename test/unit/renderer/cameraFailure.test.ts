// Why the kiosk camera would not open, as the face step tells the person: a camera held
// by another program is "busy", with what to do (the counter, or staff freeing it); an
// error the kiosk cannot place is not called busy.
import { describe, expect, it } from 'vitest';
import { FACE_UNAVAILABLE_REASONS } from '../../../src-main/common/face/faceDecision';
import { cameraFailure } from '../../../src-renderer/face/cameraFailure';
import { faceEn } from '../../../src-renderer/face/i18n/en';
import { faceZhCN } from '../../../src-renderer/face/i18n/zh-CN';

const failure = (name: string, message = ''): DOMException => new DOMException(message, name);

describe('the camera failure classification', () => {
  it('a camera another program holds (NotReadableError) is busy, as are the legacy and abort names', () => {
    expect(cameraFailure(failure('NotReadableError', 'Could not start video source'))).toBe('camera-busy');
    expect(cameraFailure(failure('TrackStartError'))).toBe('camera-busy');
    expect(cameraFailure(failure('AbortError'))).toBe('camera-busy');
  });

  it('says the camera is busy and sends the person to the counter, in both languages', () => {
    expect(faceZhCN.counter['camera-busy']).toMatch(/占用/);
    expect(faceZhCN.counter['camera-busy']).toMatch(/窗口/);
    expect(faceEn.counter['camera-busy']).toMatch(/in use/);
    expect(faceEn.counter['camera-busy']).toMatch(/counter/);
  });

  it('no camera and a refused camera keep their own reasons, in current and legacy names', () => {
    for (const name of ['NotFoundError', 'DevicesNotFoundError', 'OverconstrainedError', 'ConstraintNotSatisfiedError']) expect(cameraFailure(failure(name))).toBe('no-camera');
    expect(cameraFailure(new TypeError('navigator.mediaDevices is undefined'))).toBe('no-camera');
    for (const name of ['NotAllowedError', 'PermissionDeniedError', 'SecurityError']) expect(cameraFailure(failure(name))).toBe('camera-denied');
  });

  it('an error it cannot place is a camera that would not start, not a busy one, whatever was thrown', () => {
    expect(cameraFailure(new Error('device driver crashed'))).toBe('camera-failed');
    expect(cameraFailure(failure('UnknownError'))).toBe('camera-failed');
    expect(cameraFailure(null)).toBe('camera-failed');
    expect(cameraFailure('camera gone')).toBe('camera-failed');
    expect(cameraFailure({ name: 'toString' })).toBe('camera-failed');
  });

  it('every reason the check can end with has its words in both languages', () => {
    for (const reason of FACE_UNAVAILABLE_REASONS) {
      expect(faceZhCN.counter[reason]).toMatch(/\S/);
      expect(faceEn.counter[reason]).toMatch(/\S/);
    }
  });
});
