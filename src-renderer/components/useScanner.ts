// A QR/barcode scanner types like a keyboard; this tells its bursts from a person's
// keys and hands over complete scans (e.g. a business licence QR carrying a USCC).
import { useEffect } from 'react';
import { KeyboardWedge, type Scan } from '../../src-main/common/scanner/keyboardWedge';

export function useScanner(active: boolean, onScan: (scan: Scan) => void): void {
  useEffect(() => {
    if (!active) return;
    const wedge = new KeyboardWedge();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deliver = (outputs: ReturnType<KeyboardWedge['feed']>) => outputs.forEach((o) => o.type === 'scan' && onScan(o.scan));
    const onKey = (e: KeyboardEvent) => {
      if (e.key.length !== 1 && e.key !== 'Enter' && e.key !== 'Tab') return;
      deliver(wedge.feed(e.key, e.timeStamp));
      clearTimeout(timer);
      // A burst may end without a terminator: settle it after a pause.
      timer = setTimeout(() => deliver(wedge.flush(performance.now())), 150);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [active, onScan]);
}
