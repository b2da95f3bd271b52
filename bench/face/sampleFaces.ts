// The labelled faces: every face BlazeFace finds in @vladmandic/face-api's six demo
// photographs (package licence MIT; the pictures' own provenance is not stated there),
// each a different person. Boxes as the kiosk's detector gives them (x, y, w, h), so
// the demo photos, the e2e camera files and the bench all cut the same faces.
export interface SampleFace {
  id: string;
  image: string;
  box: [number, number, number, number];
}

export const SAMPLE_FACES: readonly SampleFace[] = [
  { id: 's1a', image: 'sample1.jpg', box: [342, 323, 352, 352] },
  { id: 's1b', image: 'sample1.jpg', box: [1438, 203, 279, 279] },
  { id: 's1c', image: 'sample1.jpg', box: [780, 385, 327, 326] },
  { id: 's2a', image: 'sample2.jpg', box: [1390, 119, 347, 348] },
  { id: 's2b', image: 'sample2.jpg', box: [290, 116, 328, 328] },
  { id: 's2c', image: 'sample2.jpg', box: [795, 190, 353, 354] },
  { id: 's3a', image: 'sample3.jpg', box: [514, 301, 361, 361] },
  { id: 's3b', image: 'sample3.jpg', box: [1003, 191, 367, 367] },
  { id: 's3c', image: 'sample3.jpg', box: [1348, 248, 409, 409] },
  { id: 's4a', image: 'sample4.jpg', box: [624, 74, 278, 278] },
  { id: 's4b', image: 'sample4.jpg', box: [1222, 138, 305, 305] },
  { id: 's4c', image: 'sample4.jpg', box: [914, 159, 330, 331] },
  { id: 's5a', image: 'sample5.jpg', box: [737, 99, 272, 273] },
  { id: 's5b', image: 'sample5.jpg', box: [513, 402, 308, 309] },
  { id: 's5c', image: 'sample5.jpg', box: [1057, 182, 319, 319] },
  { id: 's6a', image: 'sample6.jpg', box: [179, 468, 360, 361] },
  { id: 's6b', image: 'sample6.jpg', box: [1075, 282, 368, 369] },
  { id: 's6c', image: 'sample6.jpg', box: [1407, 241, 377, 377] },
];

export function sampleFace(id: string): SampleFace {
  const face = SAMPLE_FACES.find((f) => f.id === id);
  if (!face) throw new Error(`no sample face ${id}`);
  return face;
}

/** Demo card → its holder's face (resources/demo/photos/<card id>.jpg). */
export const DEMO_CARD_FACES: Readonly<Record<string, string>> = { 'card-lin': 's5a', 'card-lin-expired': 's5a', 'card-zhou': 's6b' };

/** A card photo's framing: head and shoulders, 102×126 as the card's own photo, at twice the size. */
export const CARD_PHOTO_VIEW = { pad: 0.15, width: 204, height: 252 } as const;
