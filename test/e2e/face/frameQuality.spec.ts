// The face step's frame rules on synthetic camera frames, through the kiosk's own
// detector and frame measure in Chromium (the harness the bench uses): a usable face,
// no face, two faces, a face too small, too dark or too bright each get their guidance.
// Frames are drawn from a sample photograph (sample5.jpg, face s5a), as a camera would see them.
import { expect, test } from '@playwright/test';
import { openFaceHarness, type FaceHarness } from '../../../bench/face/faceHarness';
import { sampleFace } from '../../../bench/face/sampleFaces';
import type { FrameProblem } from '../../../src-main/common/face/faceDecision';

// The frame itself is what is judged, not the screen: one orientation is enough.
test.skip(({ viewport }) => (viewport?.height ?? 0) > (viewport?.width ?? 0), 'no screen involved: landscape only');
test.describe.configure({ timeout: 300_000 });

const S5A = sampleFace('s5a');
const S5C = sampleFace('s5c');
/** A camera at arm's length, one person alone before it (the rest of the photograph greyed out). */
const CAMERA = { box: S5A.box, pad: 0.55, width: 640, height: 480, mirror: true, alone: true };
/** Two neighbours of the photograph side by side, nothing greyed out. */
const BOTH: [number, number, number, number] = [S5A.box[0], S5A.box[1], S5C.box[0] + S5C.box[2] - S5A.box[0], S5C.box[1] + S5C.box[3] - S5A.box[1]];

const FRAMES: Array<[string, object, FrameProblem | null]> = [
  ['a face at arm’s length is usable', CAMERA, null],
  ['a frame with no face in it', { ...CAMERA, brightness: -255 }, 'no-face'],
  ['two faces', { box: BOTH, pad: 0.2, width: 640, height: 480, mirror: true }, 'two-faces'],
  ['a face too far away', { ...CAMERA, pad: 2.0 }, 'too-small'],
  ['a face in a dark hall', { ...CAMERA, brightness: -120 }, 'too-dark'],
  ['a face in glare', { ...CAMERA, brightness: 120 }, 'too-bright'],
];

let harness: FaceHarness;

test.beforeAll(async () => {
  harness = await openFaceHarness();
  await harness.page.evaluate(() => (globalThis as unknown as { faceHarness: { load(): Promise<number> } }).faceHarness.load());
});

test.afterAll(async () => {
  await harness?.close();
});

for (const [name, view, problem] of FRAMES) {
  test(`${name}: ${problem ?? 'no guidance needed'}`, async () => {
    const found = await harness.page.evaluate(
      ([image, v]) => (globalThis as unknown as { faceHarness: { problem(url: string, v: object): Promise<FrameProblem | null> } }).faceHarness.problem(`/faces/${image}`, v),
      [S5A.image, view] as const,
    );
    expect(found).toBe(problem);
  });
}
