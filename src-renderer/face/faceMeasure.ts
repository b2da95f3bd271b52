// What one camera frame says, measured in memory: how many faces, how large, how
// bright, how central, and (for one usable face) its similarity to the card photo
// and its anti-spoofing and liveness scores. Descriptors and pixels live only in
// these variables and the caller's refs, dropped when the step ends.
import type { Human } from '@vladmandic/human';
import type { FaceScores, FrameFacts } from '../../src-main/common/face/faceDecision';
import { frameModels } from './faceEngine';
import { isStillPicture } from './stillPicture';

export class FaceStepError extends Error {
  constructor(readonly reason: 'no-card-photo' | 'model-failed') {
    super(reason);
  }
}

/** The card photo's descriptor; the photo must hold exactly one face. */
export async function photoDescriptor(human: Human, photo: { format: 'jpeg' | 'bmp'; data: string }): Promise<number[]> {
  let bitmap: ImageBitmap;
  try {
    const bytes = Uint8Array.from(atob(photo.data), (c) => c.charCodeAt(0));
    bitmap = await createImageBitmap(new Blob([bytes], { type: photo.format === 'jpeg' ? 'image/jpeg' : 'image/bmp' }));
  } catch {
    throw new FaceStepError('no-card-photo');
  }
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  bitmap.close();
  let result;
  try {
    result = await human.detect(canvas, frameModels(true));
  } catch {
    throw new FaceStepError('model-failed');
  }
  canvas.width = 0;
  const faces = result.face.filter((f) => f.embedding && f.embedding.length > 0);
  if (faces.length !== 1) throw new FaceStepError('no-card-photo');
  return [...(faces[0]!.embedding as number[])];
}

export interface FrameReading {
  facts: FrameFacts;
  /** Present when exactly one face was found and the frame was measured in full. */
  scores?: FaceScores;
  /** A 16×16 grey thumbnail of the face box, to see whether the picture moves at all. */
  thumb?: Float32Array;
}

const THUMB = 16;

export interface FrameOptions {
  /** Width the frame is scaled to before detection (px). */
  inputWidth: number;
  /** Run the descriptor, anti-spoofing and liveness too; otherwise only the detector (guidance frames). */
  full: boolean;
}

/** Measures one frame of the video (scaled to inputWidth); in full, against the card's descriptor and the try's earlier frames. */
export async function measureFrame(human: Human, video: HTMLVideoElement, work: HTMLCanvasElement, card: number[], earlierThumbs: readonly Float32Array[], options: FrameOptions): Promise<FrameReading> {
  const scale = options.inputWidth / Math.max(1, video.videoWidth);
  work.width = options.inputWidth;
  work.height = Math.round(video.videoHeight * scale);
  const ctx = work.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new FaceStepError('model-failed');
  ctx.drawImage(video, 0, 0, work.width, work.height);
  const result = await human.detect(work, frameModels(options.full));
  const faces = result.face;
  if (faces.length !== 1) return { facts: { faces: faces.length, faceShare: 0, brightness: 0, offCentre: 0 } };
  const face = faces[0]!;
  const [x, y, w, h] = face.box.map((v) => Math.max(0, Math.round(v))) as [number, number, number, number];
  const boxW = Math.max(1, Math.min(w, work.width - x));
  const boxH = Math.max(1, Math.min(h, work.height - y));
  const pixels = ctx.getImageData(x, y, boxW, boxH).data;
  let sum = 0;
  for (let i = 0; i < pixels.length; i += 4) sum += 0.299 * pixels[i]! + 0.587 * pixels[i + 1]! + 0.114 * pixels[i + 2]!;
  const brightness = sum / (pixels.length / 4);
  const thumb = greyThumb(work, x, y, boxW, boxH);
  const facts: FrameFacts = {
    faces: 1,
    faceShare: boxH / work.height,
    brightness,
    offCentre: Math.abs(x + boxW / 2 - work.width / 2) / work.width,
  };
  if (!options.full) return { facts, thumb };
  const embedding = face.embedding ?? [];
  const similarity = embedding.length > 0 ? human.match.similarity(card, embedding as number[]) : Number.NaN;
  const still = isStillPicture(earlierThumbs, thumb);
  return { facts, thumb, scores: { similarity, real: face.real ?? 0, live: still ? 0 : (face.live ?? 0) } };
}

function greyThumb(source: HTMLCanvasElement, x: number, y: number, w: number, h: number): Float32Array {
  const small = document.createElement('canvas');
  small.width = THUMB;
  small.height = THUMB;
  const ctx = small.getContext('2d', { willReadFrequently: true });
  const out = new Float32Array(THUMB * THUMB);
  if (!ctx) return out;
  ctx.drawImage(source, x, y, w, h, 0, 0, THUMB, THUMB);
  const data = ctx.getImageData(0, 0, THUMB, THUMB).data;
  for (let i = 0; i < out.length; i++) out[i] = 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
  return out;
}
