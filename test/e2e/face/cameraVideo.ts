// Makes the file Chromium's fake camera plays (--use-file-for-fake-video-capture): a
// Y4M (4:2:0) of one sample face as a camera at arm's length would see it. "live"
// frames move a little (head sway, light flicker) as a person in front of a camera
// does; "still" frames are one picture repeated, as a photo fed to a virtual camera.
// Made at test time from the package's image; nothing large is committed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFaceHarness } from '../../../bench/face/faceHarness';
import { sampleFace } from '../../../bench/face/sampleFaces';

const WIDTH = 640;
const HEIGHT = 480;
/** A face at arm's length fills about half the picture's height. */
const CAMERA_PAD = 0.55;

interface HarnessWindow {
  faceHarness: { rgba(url: string, v: object): Promise<string> };
}

/** Where the video of this face and motion is written (known before it exists: launch flags name it). */
export function cameraVideoPath(faceId: string, motion: 'live' | 'still'): string {
  return path.join(os.tmpdir(), `credit-kiosk-face-${faceId}-${motion}.y4m`);
}

export async function writeCameraVideo(faceId: string, motion: 'live' | 'still', frames = 12): Promise<string> {
  const face = sampleFace(faceId);
  const file = cameraVideoPath(faceId, motion);
  const harness = await openFaceHarness();
  try {
    const out = fs.openSync(file, 'w');
    fs.writeSync(out, `YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
    for (let i = 0; i < frames; i++) {
      const sway = motion === 'live' ? { shiftX: 0.03 * Math.sin(i), shiftY: 0.02 * Math.cos(i * 0.7), brightness: (i % 3) * 4 - 4 } : {};
      const view = { box: face.box, pad: CAMERA_PAD, width: WIDTH, height: HEIGHT, mirror: true, alone: true, ...sway };
      const rgba = Buffer.from(await harness.page.evaluate(([image, v]) => (globalThis as unknown as HarnessWindow).faceHarness.rgba(`/faces/${image}`, v), [face.image, view] as const), 'base64');
      fs.writeSync(out, 'FRAME\n');
      fs.writeSync(out, toI420(rgba, WIDTH, HEIGHT));
    }
    fs.closeSync(out);
  } finally {
    await harness.close();
  }
  return file;
}

/** RGBA → planar Y, U, V (BT.601 full range, chroma averaged over 2×2). */
export function toI420(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const y = new Uint8Array(width * height);
  const u = new Uint8Array((width / 2) * (height / 2));
  const v = new Uint8Array((width / 2) * (height / 2));
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = (row * width + col) * 4;
      y[row * width + col] = clamp(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!);
    }
  }
  for (let row = 0; row < height; row += 2) {
    for (let col = 0; col < width; col += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) {
        const i = ((row + dr) * width + col + dc) * 4;
        r += rgba[i]!;
        g += rgba[i + 1]!;
        b += rgba[i + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const k = (row / 2) * (width / 2) + col / 2;
      u[k] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      v[k] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  return Buffer.concat([y, u, v]);
}

function clamp(x: number): number {
  return Math.max(0, Math.min(255, Math.round(x)));
}
