// A still picture held up to the camera (or fed to a virtual one) never changes from
// frame to frame; a person always does a little. One repeated frame proves nothing: a
// busy camera can hand over the same frame twice. Only a frame equal to every earlier
// one of the try is a still picture.

/** Mean grey-level change (0–255) below which two face thumbnails are one picture. */
export const STILL_FRAME_DIFF = 0.35;
/** Earlier frames of a try a frame is compared with. */
export const STILL_WINDOW = 2;

export function meanDiff(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += Math.abs(a[i]! - b[i]!);
  return d / a.length;
}

/** Whether `current` is the same picture as every one of `earlier` (at least one). */
export function isStillPicture(earlier: readonly Float32Array[], current: Float32Array): boolean {
  return earlier.length > 0 && earlier.every((e) => meanDiff(e, current) < STILL_FRAME_DIFF);
}

/** The thumbnails to keep for the next frame: the last STILL_WINDOW. */
export function keepForStillness(earlier: readonly Float32Array[], current: Float32Array | undefined): Float32Array[] {
  return current ? [...earlier, current].slice(-STILL_WINDOW) : [...earlier];
}
