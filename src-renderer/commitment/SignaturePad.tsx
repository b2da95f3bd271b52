// A signature pad on pointer events (finger, pen or mouse): strokes drawn in a clear
// frame, kept as points in the pad's own units (SIGNATURE_BOX) within the bounds the
// main side checks, with undo, redo and clear. The parent gets the strokes on each change.
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_POINTS, MAX_POINTS_PER_STROKE, MAX_STROKES, SIGNATURE_BOX, toSignatureUnits, type SignaturePoint, type SignatureStrokes } from '../../src-main/common/signature/signatureStrokes';

/** Points closer than this (signature units) to the last add nothing a reader could see. */
const MIN_STEP = 3;

export function SignaturePad({ onChange }: { onChange: (strokes: SignatureStrokes) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [strokes, setStrokes] = useState<SignatureStrokes>([]);
  const [undone, setUndone] = useState<SignatureStrokes>([]);
  const current = useRef<{ pointerId: number; points: SignaturePoint[] } | null>(null);

  const draw = useCallback((all: readonly (readonly SignaturePoint[])[]) => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const { width, height } = el.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    if (el.width !== Math.round(width * ratio) || el.height !== Math.round(height * ratio)) {
      el.width = Math.round(width * ratio);
      el.height = Math.round(height * ratio);
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    // The ink follows the theme (高对比 makes it black on white).
    ctx.strokeStyle = getComputedStyle(el).color;
    ctx.lineWidth = Math.max(2, width / 250);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const sx = width / SIGNATURE_BOX.width;
    const sy = height / SIGNATURE_BOX.height;
    for (const stroke of all) {
      const [first, ...rest] = stroke;
      if (!first) continue;
      ctx.beginPath();
      ctx.moveTo(first[0] * sx, first[1] * sy);
      if (rest.length === 0) ctx.lineTo(first[0] * sx + 0.1, first[1] * sy);
      for (const p of rest) ctx.lineTo(p[0] * sx, p[1] * sy);
      ctx.stroke();
    }
  }, []);

  useEffect(() => {
    draw(strokes);
    const el = canvas.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => draw(current.current ? [...strokes, current.current.points] : strokes));
    observer.observe(el);
    return () => observer.disconnect();
  }, [draw, strokes]);

  const commit = useCallback(
    (next: SignatureStrokes, redo: SignatureStrokes) => {
      setStrokes(next);
      setUndone(redo);
      onChange(next);
    },
    [onChange],
  );

  const pointOf = (e: ReactPointerEvent<HTMLCanvasElement> | PointerEvent): SignaturePoint => {
    const r = canvas.current!.getBoundingClientRect();
    return toSignatureUnits(e.clientX - r.left, e.clientY - r.top, r.width, r.height);
  };
  const total = strokes.reduce((n, s) => n + s.length, 0);

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (current.current || strokes.length >= MAX_STROKES || total >= MAX_POINTS) return;
    e.preventDefault();
    try {
      // The stroke goes on when the finger slides over the frame's edge.
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser no longer tracks: the stroke still draws inside the frame.
    }
    current.current = { pointerId: e.pointerId, points: [pointOf(e)] };
    draw([...strokes, current.current.points]);
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const stroke = current.current;
    if (!stroke || stroke.pointerId !== e.pointerId) return;
    // A fast finger moves further between frames than one event says: take every sample.
    const samples = typeof e.nativeEvent.getCoalescedEvents === 'function' ? e.nativeEvent.getCoalescedEvents() : [];
    for (const sample of samples.length > 0 ? samples : [e.nativeEvent]) {
      if (stroke.points.length >= MAX_POINTS_PER_STROKE || total + stroke.points.length >= MAX_POINTS) break;
      const p = pointOf(sample);
      const last = stroke.points[stroke.points.length - 1]!;
      if (Math.hypot(p[0] - last[0], p[1] - last[1]) >= MIN_STEP) stroke.points.push(p);
    }
    draw([...strokes, stroke.points]);
  };

  const onPointerEnd = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const stroke = current.current;
    if (!stroke || stroke.pointerId !== e.pointerId) return;
    current.current = null;
    commit([...strokes, stroke.points], []);
  };

  return (
    <div className="signature-pad">
      <div className="signature-frame">
        <canvas
          ref={canvas}
          role="img"
          aria-label={t('commitment.pad.label')}
          data-testid="signature-canvas"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
        />
        <div className="signature-line" aria-hidden="true" />
      </div>
      <p className="muted" aria-live="polite" data-testid="signature-status">
        {strokes.length === 0 ? t('commitment.pad.empty') : t('commitment.pad.strokes', { count: strokes.length })}
      </p>
      <div className="signature-actions">
        <button type="button" className="secondary" disabled={strokes.length === 0} onClick={() => commit(strokes.slice(0, -1), [...undone, strokes[strokes.length - 1]!])} data-testid="signature-undo">
          {t('commitment.pad.undo')}
        </button>
        <button type="button" className="secondary" disabled={undone.length === 0} onClick={() => commit([...strokes, undone[undone.length - 1]!], undone.slice(0, -1))} data-testid="signature-redo">
          {t('commitment.pad.redo')}
        </button>
        <button type="button" className="secondary" disabled={strokes.length === 0} onClick={() => commit([], [])} data-testid="signature-clear">
          {t('commitment.pad.clear')}
        </button>
      </div>
    </div>
  );
}
