// Cuts the demo cards' photos (resources/demo/photos/<card id>.jpg) out of the sample
// faces in @vladmandic/face-api's package, as the card would hold them. They stand in
// for what a vendor's WLT decoder returns; run again after changing the choice of faces.
//   npx tsx scripts/make-demo-photos.ts
import fs from 'node:fs';
import path from 'node:path';
import { openFaceHarness } from '../bench/face/faceHarness';
import { CARD_PHOTO_VIEW, DEMO_CARD_FACES, sampleFace } from '../bench/face/sampleFaces';

async function main(): Promise<void> {
  const out = path.resolve(__dirname, '../resources/demo/photos');
  fs.mkdirSync(out, { recursive: true });
  const harness = await openFaceHarness();
  try {
    for (const [card, faceId] of Object.entries(DEMO_CARD_FACES)) {
      const face = sampleFace(faceId);
      const jpeg = await harness.page.evaluate(([image, box, view]) => (globalThis as unknown as FaceHarnessWindow).faceHarness.view(`/faces/${image}`, { box, ...view }), [face.image, face.box, CARD_PHOTO_VIEW] as const);
      fs.writeFileSync(path.join(out, `${card}.jpg`), Buffer.from(jpeg, 'base64'));
      console.log(`${card}.jpg ← ${face.image} ${face.id}`);
    }
  } finally {
    await harness.close();
  }
}

interface FaceHarnessWindow {
  faceHarness: { view(url: string, v: object): Promise<string> };
}

void main();
