// Warm-up at start, so the first print after start is as fast as the rest: the fonts
// read and parsed, the kiosk's signing key loaded (created on a new kiosk), and a
// sample report drawn and sealed twice with a throwaway key — which compiles the drawing
// code and fills the width caches. It yields between steps so the start screen and
// the first card are never kept waiting long.
import type { KeyStore } from '../keys/keyStore';
import { generateKeyPairSync } from 'node:crypto';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { loadPdfFonts, parsedFont } from '../pdf/pdfFonts';
import { ensureReportKey } from './reportKeys';
import { renderReportPdf } from './reportPdf';
import { sampleReportModel } from './reportSample';
import { keyIdOf, makeSigner } from './reportSeal';

const WARM_ROUNDS = 2;

export async function warmUpReports(options: { keys?: KeyStore; keyDir?: string } = {}): Promise<void> {
  const fonts = loadPdfFonts();
  await yieldToEvents();
  parsedFont(fonts.regular);
  parsedFont(fonts.bold);
  await yieldToEvents();
  if (options.keys && options.keyDir) ensureReportKey(options.keys, options.keyDir);
  await yieldToEvents();
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signer = makeSigner(privateKey, keyIdOf(publicKey));
  const model = sampleReportModel(200);
  // One drawing leaves the first real one still 2–3× slower than the rest (measured with
  // bench/report.bench.ts): the engine optimises the hot paths only after a second.
  for (let round = 0; round < WARM_ROUNDS; round++) {
    await renderReportPdf(model, { fonts, signer });
    await yieldToEvents();
  }
}
