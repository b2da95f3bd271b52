import { describe, expect, it } from 'vitest';
import { afterAttempt, decideAttempt, frameProblem, NEW_FACE_CHECK, scoreBand, triesLeft } from '../../../../src-main/common/face/faceDecision';

const policy = { matchThreshold: 0.6, livenessThreshold: 0.5 };
const usable = { faces: 1, faceShare: 0.4, brightness: 130, offCentre: 0.05 };

describe('deciding an attempt', () => {
  it('matches at or above the threshold, refuses below it', () => {
    expect(decideAttempt({ similarity: 0.6, real: 0.9, live: 0.9 }, policy)).toEqual({ outcome: 'matched', band: 'near' });
    expect(decideAttempt({ similarity: 0.85, real: 0.9, live: 0.9 }, policy)).toEqual({ outcome: 'matched', band: 'high' });
    expect(decideAttempt({ similarity: 0.59, real: 0.9, live: 0.9 }, policy)).toEqual({ outcome: 'not-matched', band: 'near' });
    expect(decideAttempt({ similarity: 0.2, real: 0.9, live: 0.9 }, policy)).toEqual({ outcome: 'not-matched', band: 'low' });
  });

  it('a picture of the right person is not live: liveness is judged first', () => {
    expect(decideAttempt({ similarity: 0.95, real: 0.2, live: 0.9 }, policy).outcome).toBe('not-live');
    expect(decideAttempt({ similarity: 0.95, real: 0.9, live: 0.49 }, policy).outcome).toBe('not-live');
  });

  it('a score that is not a number never passes', () => {
    expect(decideAttempt({ similarity: Number.NaN, real: 1, live: 1 }, policy)).toEqual({ outcome: 'not-matched', band: 'none' });
    expect(scoreBand(Number.NaN, 0.6)).toBe('none');
  });
});

describe('tries', () => {
  it('a refusal uses a try; at maxTries none are left; a pass ends the check', () => {
    let state = NEW_FACE_CHECK;
    state = afterAttempt(state, { outcome: 'not-matched', band: 'low' });
    state = afterAttempt(state, { outcome: 'not-live', band: 'high' });
    expect(triesLeft(state, 3)).toBe(1);
    state = afterAttempt(state, { outcome: 'not-matched', band: 'near' });
    expect(triesLeft(state, 3)).toBe(0);
    expect(state.passed).toBe(false);
    const passed = afterAttempt(NEW_FACE_CHECK, { outcome: 'matched', band: 'high' });
    expect(passed.passed).toBe(true);
    expect(triesLeft(passed, 3)).toBe(0);
  });
});

describe('frame guidance', () => {
  it('names the first thing a person can fix', () => {
    expect(frameProblem(usable)).toBeNull();
    expect(frameProblem({ ...usable, faces: 0 })).toBe('no-face');
    expect(frameProblem({ ...usable, faces: 2 })).toBe('two-faces');
    expect(frameProblem({ ...usable, offCentre: 0.4 })).toBe('off-centre');
    expect(frameProblem({ ...usable, faceShare: 0.1 })).toBe('too-small');
    expect(frameProblem({ ...usable, brightness: 30 })).toBe('too-dark');
    expect(frameProblem({ ...usable, brightness: 250 })).toBe('too-bright');
  });
});
