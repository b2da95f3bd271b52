// The service's event fan-out: every subscriber hears each event once, a throwing one
// stops no other, and a subscriber is told when it starts hearing (to re-read state).
import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../../src-main/common/contract/events';
import { EventHub } from '../../../../src-main/node/kiosk/eventHub';

describe('EventHub', () => {
  it('delivers each event to every subscriber, past one that throws, and stops after unsubscribe', () => {
    const hub = new EventHub();
    const seen: KioskEvent[] = [];
    hub.subscribe(() => {
      throw new Error('a closed window');
    });
    const off = hub.subscribe((e) => seen.push(e));
    hub.emit({ type: 'card-removed' });
    off();
    hub.emit({ type: 'card-removed' });
    expect(seen).toEqual([{ type: 'card-removed' }]);
    expect(hub.size).toBe(1);
  });

  it('tells a subscriber once it is listening, after subscribe returns', async () => {
    const hub = new EventHub();
    const order: string[] = [];
    hub.subscribe(() => undefined, () => order.push('open'));
    order.push('returned');
    await Promise.resolve();
    expect(order).toEqual(['returned', 'open']);
  });
});
