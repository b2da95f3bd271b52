// Fan-out of service events to subscribers (screens over IPC or HTTP). A listener
// that throws never stops the others.
import type { KioskEvent, KioskEventListener } from '../../common/contract/events';

export class EventHub {
  private readonly listeners = new Set<KioskEventListener>();

  /** `onOpen` (KioskApi's contract): told, just after, that events now reach the listener. */
  subscribe(listener: KioskEventListener, onOpen?: () => void): () => void {
    this.listeners.add(listener);
    if (onOpen) queueMicrotask(onOpen);
    return () => this.listeners.delete(listener);
  }

  emit(event: KioskEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken subscriber (closed window, dropped HTTP stream) must not affect the rest.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
