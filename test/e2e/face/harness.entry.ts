// Browser side of the face harness (bench, demo photo maker, e2e video maker): the
// kiosk's own face code (src-renderer/face), bundled by esbuild, driven by Playwright.
import { DEFAULT_FACE_ENGINE, loadFaceEngine } from '../../../src-renderer/face/faceEngine';
import { measureFrame, photoDescriptor, type FrameOptions } from '../../../src-renderer/face/faceMeasure';
import type { FaceEngineSettings } from '../../../src-main/common/face/facePolicy';
import { frameProblem, type FrameProblem } from '../../../src-main/common/face/faceDecision';

export interface FoundFace {
  box: [number, number, number, number];
  embedding: number[];
  real: number;
  live: number;
}

export interface ViewOptions {
  /** Box (x, y, w, h) in the source image, widened by `pad` of its size on every side. */
  box: [number, number, number, number];
  pad: number;
  width: number;
  height: number;
  mirror?: boolean;
  /** Added to every channel (−255…255). */
  brightness?: number;
  /** Shift of the box, as a share of its size. */
  shiftX?: number;
  shiftY?: number;
  /** Grey out everything but an oval around the face: one person alone before the camera, not the group of the photograph. */
  alone?: boolean;
}

async function image(url: string): Promise<ImageBitmap> {
  return createImageBitmap(await (await fetch(url)).blob());
}

function draw(bitmap: ImageBitmap, v: ViewOptions): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = v.width;
  c.height = v.height;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  const [x, y, w, h] = v.box;
  // Keep the output's aspect: widen the shorter side of the padded box.
  let bw = w * (1 + 2 * v.pad);
  let bh = h * (1 + 2 * v.pad);
  if (bw / bh > v.width / v.height) bh = (bw * v.height) / v.width;
  else bw = (bh * v.width) / v.height;
  const cx = x + w / 2 + (v.shiftX ?? 0) * w;
  const cy = y + h / 2 + (v.shiftY ?? 0) * h;
  ctx.fillStyle = '#808080';
  ctx.fillRect(0, 0, v.width, v.height);
  if (v.mirror) {
    ctx.translate(v.width, 0);
    ctx.scale(-1, 1);
  }
  ctx.drawImage(bitmap, cx - bw / 2, cy - bh / 2, bw, bh, 0, 0, v.width, v.height);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (v.alone) {
    const scale = v.width / bw;
    let ox = v.width / 2 - (v.shiftX ?? 0) * w * scale;
    if (v.mirror) ox = v.width - ox;
    const oy = v.height / 2 - (v.shiftY ?? 0) * h * scale;
    ctx.beginPath();
    ctx.rect(0, 0, v.width, v.height);
    ctx.ellipse(ox, oy, 0.7 * w * scale, 0.95 * h * scale, 0, 0, 2 * Math.PI);
    ctx.fill('evenodd');
  }
  if (v.brightness) {
    const data = ctx.getImageData(0, 0, v.width, v.height);
    for (let i = 0; i < data.data.length; i += 4) for (let k = 0; k < 3; k++) data.data[i + k] = data.data[i + k]! + v.brightness;
    ctx.putImageData(data, 0, 0);
  }
  return c;
}

const harness = {
  async load(settings: FaceEngineSettings = DEFAULT_FACE_ENGINE): Promise<number> {
    return (await loadFaceEngine(settings)).readyMs;
  },
  async backend(): Promise<string> {
    return (await loadFaceEngine()).human.tf.getBackend() as string;
  },
  /** Every face in an image, with its descriptor: the labelled set's raw material. */
  async faces(url: string): Promise<FoundFace[]> {
    const { human } = await loadFaceEngine();
    const bitmap = await image(url);
    const c = document.createElement('canvas');
    c.width = bitmap.width;
    c.height = bitmap.height;
    c.getContext('2d')!.drawImage(bitmap, 0, 0);
    const result = await human.detect(c);
    return result.face.map((f) => ({ box: f.box as [number, number, number, number], embedding: [...((f.embedding ?? []) as number[])], real: f.real ?? 0, live: f.live ?? 0 }));
  },
  /** A view of one face as JPEG base64 (a card photo, or a camera-like variation of it). */
  async view(url: string, v: ViewOptions): Promise<string> {
    const c = draw(await image(url), v);
    return c.toDataURL('image/jpeg', 0.9).split(',')[1]!;
  },
  /** The same view as raw RGBA (base64), for a Y4M camera file. */
  async rgba(url: string, v: ViewOptions): Promise<string> {
    const c = draw(await image(url), v);
    const bytes = c.getContext('2d')!.getImageData(0, 0, v.width, v.height).data;
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  },
  /** Descriptor of a JPEG (base64) as the face step computes the card photo's. */
  async descriptor(jpeg: string): Promise<number[]> {
    return photoDescriptor((await loadFaceEngine()).human, { format: 'jpeg', data: jpeg });
  },
  async similarity(a: number[], b: number[]): Promise<number> {
    return (await loadFaceEngine()).human.match.similarity(a, b);
  },
  /** What the face step would tell the person about this view (a guidance frame: detector only). */
  async problem(url: string, v: ViewOptions): Promise<FrameProblem | null> {
    const { human, inputWidth } = await loadFaceEngine();
    const frame = draw(await image(url), v);
    const asVideo = Object.assign(frame, { videoWidth: v.width, videoHeight: v.height }) as unknown as HTMLVideoElement;
    const reading = await measureFrame(human, asVideo, document.createElement('canvas'), [], [], { inputWidth, full: false });
    return frameProblem(reading.facts);
  },
  /** Descriptor of a camera-like view, through the face step's own frame path (by default in full, at the engine's input width). */
  async viewScores(jpeg: string, card: number[], options?: Partial<FrameOptions>): Promise<{ faces: number; similarity: number; real: number; live: number; ms: number }> {
    const { human, inputWidth } = await loadFaceEngine();
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(jpeg), (ch) => ch.charCodeAt(0))], { type: 'image/jpeg' }));
    const video = document.createElement('canvas');
    video.width = bitmap.width;
    video.height = bitmap.height;
    video.getContext('2d')!.drawImage(bitmap, 0, 0);
    // measureFrame reads videoWidth/videoHeight: a canvas stands in for the video element.
    const asVideo = Object.assign(video, { videoWidth: bitmap.width, videoHeight: bitmap.height }) as unknown as HTMLVideoElement;
    const t0 = performance.now();
    const reading = await measureFrame(human, asVideo, document.createElement('canvas'), card, [], { inputWidth, full: true, ...options });
    const ms = performance.now() - t0;
    return { faces: reading.facts.faces, similarity: reading.scores?.similarity ?? Number.NaN, real: reading.scores?.real ?? 0, live: reading.scores?.live ?? 0, ms };
  },
};

(window as unknown as { faceHarness: typeof harness }).faceHarness = harness;
