// The still-picture rule of the face step: a frame equal to every earlier frame of the
// try is a still picture; a live face that a busy camera repeated once is not.
import { describe, expect, it } from 'vitest';
import { isStillPicture, keepForStillness, STILL_FRAME_DIFF, STILL_WINDOW } from '../../../src-renderer/face/stillPicture';

/** A 16×16 grey thumbnail: a gradient, moved by `sway` grey levels as a face moves a little. */
function thumb(sway: number): Float32Array {
  return Float32Array.from({ length: 256 }, (_, i) => 100 + (i % 16) * 5 + sway * Math.sin(i));
}

describe('isStillPicture', () => {
  it('a picture repeated over the whole try is still', () => {
    expect(isStillPicture([thumb(0), thumb(0)], thumb(0))).toBe(true);
  });

  it('sensor noise below the threshold is still the same picture', () => {
    const noisy = thumb(0).map((v, i) => v + (i % 2 ? 1 : -1) * (STILL_FRAME_DIFF / 2));
    expect(isStillPicture([thumb(0)], noisy)).toBe(true);
  });

  it('a live face whose camera handed over the same frame twice is not still', () => {
    expect(isStillPicture([thumb(3), thumb(0)], thumb(0))).toBe(false);
  });

  it('a face that moves is not still', () => {
    expect(isStillPicture([thumb(0), thumb(2)], thumb(4))).toBe(false);
  });

  it('the first frame of a try has nothing to compare with and is not judged still', () => {
    expect(isStillPicture([], thumb(0))).toBe(false);
  });
});

describe('keepForStillness', () => {
  it('keeps the last STILL_WINDOW thumbnails, and skips frames without a face', () => {
    let kept: Float32Array[] = [];
    for (const sway of [1, 2, 3, 4]) kept = keepForStillness(kept, thumb(sway));
    kept = keepForStillness(kept, undefined);
    expect(kept).toHaveLength(STILL_WINDOW);
    expect(kept.at(-1)).toEqual(thumb(4));
  });
});
