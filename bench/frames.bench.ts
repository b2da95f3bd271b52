// Frames per second through the de-framer and card decoding, against a plain copy
// of the same bytes in the same 64-byte pieces (what any reader must do at least).
// Run: npx tsx bench/frames.bench.ts   — prints figures, asserts nothing.
import { performance } from 'node:perf_hooks';
import { cardFromReadData } from '../native/reader/cardFromRead';
import { encodeCardText } from '../native/reader/cardText';
import { Deframer } from '../native/reader/deframer';
import { encodeReadPayload } from '../native/reader/readPayload';
import { decodeResponse, encodeResponse } from '../native/reader/samFrame';
import { SAMPLE_CARDS } from '../native/reader/simulator/sampleCards';

const FRAMES = 20_000;
const CHUNK = 64;
const ROUNDS = 5;

const frames = SAMPLE_CARDS.map((card) => encodeResponse({ sw3: 0x90, data: encodeReadPayload({ text: encodeCardText(card), photo: new Uint8Array(1024).fill(7) }) }));
const stream = new Uint8Array(FRAMES * frames[0]!.length);
for (let i = 0; i < FRAMES; i++) stream.set(frames[i % frames.length]!, i * frames[0]!.length);
const chunks: Uint8Array[] = [];
for (let i = 0; i < stream.length; i += CHUNK) chunks.push(stream.subarray(i, i + CHUNK));

function baseline(): number {
  // Copy every piece into a frame-sized buffer, as a reader collecting reports would.
  const buf = new Uint8Array(frames[0]!.length * 2);
  let at = 0;
  let sum = 0;
  for (const c of chunks) {
    if (at + c.length > buf.length) at = 0;
    buf.set(c, at);
    at += c.length;
    sum += buf[at - 1]!;
  }
  return sum;
}

function decodeAll(): number {
  const d = new Deframer();
  let cards = 0;
  for (const c of chunks) {
    for (const out of d.push(c)) {
      if (out.type !== 'frame') continue;
      const r = decodeResponse(out.frame);
      if (r.ok && cardFromReadData(r.value.data).ok) cards++;
    }
  }
  return cards;
}

function deframeOnly(): number {
  const d = new Deframer();
  let n = 0;
  for (const c of chunks) n += d.push(c).length;
  return n;
}

function best(fn: () => number): { ms: number; result: number } {
  let ms = Infinity;
  let result = 0;
  fn(); // warm-up
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, result };
}

const copy = best(baseline);
const deframe = best(deframeOnly);
const decode = best(decodeAll);
if (decode.result !== FRAMES) console.log(`warning: decoded ${decode.result} of ${FRAMES} frames`);

const mb = stream.length / 1e6;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`frames: ${FRAMES} read replies of ${frames[0]!.length} bytes (${mb.toFixed(1)} MB) in ${CHUNK}-byte pieces, best of ${ROUNDS}`);
console.log(`baseline buffer copy : ${copy.ms.toFixed(1)} ms  ${fmt(FRAMES / (copy.ms / 1000))} frames/s  ${(mb / (copy.ms / 1000)).toFixed(0)} MB/s`);
console.log(`de-frame only        : ${deframe.ms.toFixed(1)} ms  ${fmt(FRAMES / (deframe.ms / 1000))} frames/s  ${(mb / (deframe.ms / 1000)).toFixed(0)} MB/s`);
console.log(`de-frame + decode    : ${decode.ms.toFixed(1)} ms  ${fmt(FRAMES / (decode.ms / 1000))} frames/s  ${(mb / (decode.ms / 1000)).toFixed(0)} MB/s`);
console.log(`ratio de-frame/copy  : ${(deframe.ms / copy.ms).toFixed(1)}x the time of a plain copy`);
console.log(`ratio decode/copy    : ${(decode.ms / copy.ms).toFixed(1)}x the time of a plain copy`);
console.log(`a real reader delivers about 1 card per second; headroom: ${fmt(FRAMES / (decode.ms / 1000))}x`);
