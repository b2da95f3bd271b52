// Stands in for the reader vendor's WLT decoder in the demo and the tests: it knows the
// stand-in WLT bytes the simulated SAM sends for each demo card (standInWlt) and
// answers with that card's demo photo. It decodes nothing; a real kiosk plugs in the
// vendor's library behind the same PhotoDecoder interface (docs/readers.md).
import type { DecodedPhoto, PhotoDecoder } from '../photo';
import { standInWlt } from './simulatedSam';

export interface DemoPhoto {
  idNumber: string;
  jpeg: Uint8Array;
}

export function createDemoPhotoDecoder(photos: readonly DemoPhoto[]): PhotoDecoder {
  const byWlt = new Map<string, DecodedPhoto>(photos.map((p) => [Buffer.from(standInWlt(p.idNumber)).toString('base64'), { format: 'jpeg', bytes: p.jpeg }]));
  return {
    decode: async (wlt) => byWlt.get(Buffer.from(wlt).toString('base64')) ?? null,
  };
}
