// A handwritten signature as vector data: strokes of points in the signature pad's own
// box (SIGNATURE_BOX units, y down), whatever the screen's size. Bounded so a hostile
// renderer cannot make the main side draw without end, and checked to carry some ink.
import { z } from 'zod';

/** The pad's box in signature units: 5:2, as the frame on screen and on paper. */
export const SIGNATURE_BOX = { width: 1000, height: 400 } as const;
export const MAX_STROKES = 60;
export const MAX_POINTS_PER_STROKE = 600;
export const MAX_POINTS = 6000;
/** Ink shorter than this (in signature units, all strokes together) is a tap, not a signature. */
export const MIN_INK_LENGTH = 120;

const Point = z.tuple([z.number().int().min(0).max(SIGNATURE_BOX.width), z.number().int().min(0).max(SIGNATURE_BOX.height)]);
export type SignaturePoint = z.infer<typeof Point>;

export const SignatureStrokesSchema = z
  .array(z.array(Point).min(1).max(MAX_POINTS_PER_STROKE))
  .min(1)
  .max(MAX_STROKES)
  .superRefine((strokes, ctx) => {
    const points = strokes.reduce((n, s) => n + s.length, 0);
    if (points > MAX_POINTS) ctx.addIssue({ code: 'custom', message: `签名点数过多 / too many points (${points} > ${MAX_POINTS})` });
    if (inkLength(strokes) < MIN_INK_LENGTH) ctx.addIssue({ code: 'custom', message: '签名过短，请重新签名 / the signature is too short; sign again' });
  });
export type SignatureStrokes = SignaturePoint[][];

/** The length of all strokes together, in signature units. */
export function inkLength(strokes: readonly (readonly SignaturePoint[])[]): number {
  let total = 0;
  for (const stroke of strokes) {
    for (let i = 1; i < stroke.length; i++) total += Math.hypot(stroke[i]![0] - stroke[i - 1]![0], stroke[i]![1] - stroke[i - 1]![1]);
  }
  return total;
}

/**
 * A point on the pad (CSS pixels inside a box of width × height) in signature units,
 * clamped to the box: a finger that slides over the frame's edge stays on it.
 */
export function toSignatureUnits(x: number, y: number, width: number, height: number): SignaturePoint {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));
  return [clamp((x / Math.max(width, 1)) * SIGNATURE_BOX.width, SIGNATURE_BOX.width), clamp((y / Math.max(height, 1)) * SIGNATURE_BOX.height, SIGNATURE_BOX.height)];
}
