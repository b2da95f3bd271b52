// The issuer's electronic seal as drawn on a document: a red ring with the issuer's name
// along its upper arc, a star in the middle and a label beneath (演示 on the demo seal),
// in opaque vector strokes — transparency would make CUPS filters rasterise the page —
// so the seal is part of the page content the layout digest covers.
import type { PdfDoc } from './pdfText';

export const SEAL_RED = '#c8161d';

export interface SealStamp {
  /** Along the upper arc: the issuer's name. */
  ring: string;
  /** Beneath the star, e.g. 演示 or 报告专用章. */
  label: string;
}

export function drawSeal(doc: PdfDoc, seal: SealStamp, cx: number, cy: number, radius = 46): void {
  doc.save();
  doc.lineWidth(2.4).strokeColor(SEAL_RED).circle(cx, cy, radius).stroke();
  // A five-pointed star.
  const outer = radius * 0.3;
  const inner = outer * 0.4;
  const points: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  doc.polygon(...points).fill(SEAL_RED);
  // The ring text, each character turned to face outwards, over 240° of the upper arc.
  const chars = [...seal.ring];
  const size = Math.min(radius * 0.3, (radius * 3.4) / Math.max(chars.length, 1));
  doc.font('bold').fontSize(size).fillColor(SEAL_RED);
  const sweep = (Math.PI * 4) / 3;
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - sweep / 2 + (sweep * (i + 0.5)) / chars.length;
    const x = cx + (radius - size * 0.95) * Math.cos(a);
    const y = cy + (radius - size * 0.95) * Math.sin(a);
    const degrees = (a * 180) / Math.PI + 90;
    doc.save();
    doc.rotate(degrees, { origin: [x, y] });
    doc.text(ch, x - size / 2, y - size / 2, { lineBreak: false, width: size, align: 'center' });
    doc.restore();
  });
  const labelSize = radius * 0.24;
  doc.font('bold').fontSize(labelSize);
  const w = doc.widthOfString(seal.label);
  doc.text(seal.label, cx - w / 2, cy + outer + labelSize * 0.3, { lineBreak: false });
  doc.restore();
}
