// A handwritten signature drawn into the page as vector strokes (no image): part of the
// page content, so the layout digest — and the seal over it — covers every stroke, and
// an altered signature fails verification like altered text.
import { SIGNATURE_BOX, type SignatureStrokes } from '../../common/signature/signatureStrokes';
import { PDF_COLORS } from './pdfDocument';
import type { PdfDoc } from './pdfText';

export interface SignatureFrame {
  x: number;
  y: number;
  /** The height follows SIGNATURE_BOX's proportions. */
  width: number;
}

/** Draws the strokes scaled into the frame, over a base line; returns the frame's bottom. */
export function drawSignatureStrokes(doc: PdfDoc, strokes: SignatureStrokes | null, frame: SignatureFrame): number {
  const scale = frame.width / SIGNATURE_BOX.width;
  const height = SIGNATURE_BOX.height * scale;
  doc.save();
  // Where the pen stood: a line a third up the frame, as the pad shows it.
  doc.moveTo(frame.x, frame.y + height * 0.75).lineTo(frame.x + frame.width, frame.y + height * 0.75).lineWidth(0.6).strokeColor(PDF_COLORS.rule).stroke();
  if (strokes) {
    doc.lineWidth(Math.max(1, 3 * scale)).lineCap('round').lineJoin('round').strokeColor(PDF_COLORS.text);
    for (const stroke of strokes) {
      const [first, ...rest] = stroke;
      if (!first) continue;
      const at = (p: readonly [number, number]): [number, number] => [frame.x + p[0] * scale, frame.y + p[1] * scale];
      doc.moveTo(...at(first));
      // A single point is a dot: a zero-length segment with round caps.
      if (rest.length === 0) doc.lineTo(...at(first));
      for (const p of rest) doc.lineTo(...at(p));
      doc.stroke();
    }
  }
  doc.restore();
  return frame.y + height;
}
