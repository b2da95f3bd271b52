// Fan-out of service events to subscribers (screens over IPC or HTTP). A listener
// that throws never stops the others.
import type { KioskEvent, KioskEventListener } from '../../common/contract/events';

export class EventHub {
  private readonly listeners = new Set<KioskEventListener>();

  subscribe(listener: KioskEventListener): () => void {
    this.listeners.add(listener);
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
