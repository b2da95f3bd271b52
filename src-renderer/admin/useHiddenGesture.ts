// The admin console's door: five taps on the title within three seconds. Hidden
// from citizens, easy for an operator who knows it.
import { useCallback, useRef } from 'react';

const TAPS = 5;
const WINDOW_MS = 3000;

export function useHiddenGesture(onOpen: () => void): () => void {
  const taps = useRef<number[]>([]);
  return useCallback(() => {
    const now = performance.now();
    taps.current = [...taps.current.filter((t) => now - t < WINDOW_MS), now];
    if (taps.current.length >= TAPS) {
      taps.current = [];
      onOpen();
    }
  }, [onOpen]);
}
