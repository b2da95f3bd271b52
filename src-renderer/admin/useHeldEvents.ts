// While the admin console (or its sign-in) is open over the kiosk, a citizen's card
// must not start a journey hidden underneath it: the card's events wait, in order,
// and reach the screen when the console closes (a card lifted meanwhile then ends
// what it began, so nothing is left behind).
import { useCallback, useEffect, useRef } from 'react';
import type { KioskEvent } from '../../src-main/common/contract/events';

const HELD: ReadonlySet<KioskEvent['type']> = new Set(['card-inserted', 'card-removed', 'card-error', 'session-ended']);

/** `hold(deliver)`: a listener that passes events to `deliver`, but holds card and session events while `open` and delivers them when it turns false. */
export function useHeldEvents(open: boolean): (deliver: (event: KioskEvent) => void) => (event: KioskEvent) => void {
  const isOpen = useRef(open);
  const held = useRef<Array<{ event: KioskEvent; deliver: (event: KioskEvent) => void }>>([]);
  useEffect(() => {
    isOpen.current = open;
    if (!open) for (const { event, deliver } of held.current.splice(0)) deliver(event);
  }, [open]);
  return useCallback(
    (deliver) => (event) => {
      if (isOpen.current && HELD.has(event.type)) held.current.push({ event, deliver });
      else deliver(event);
    },
    [],
  );
}
