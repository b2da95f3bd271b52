import { describe, expect, it } from 'vitest';
import type { CardReaderEvent } from '../../../../native/reader/cardReader';
import { SAMPLE_CARDS, SAMPLE_RESIDENT_CARD } from '../../../../native/reader/simulator/sampleCards';
import type { SimFault } from '../../../../native/reader/simulator/faults';
import { PROFILE_IDS } from '../../../../native/reader/transports/transport';
import { startSimulatedReader } from './testReader';

const inserted = (events: CardReaderEvent[]) => events.filter((e) => e.type === 'card-inserted');

describe.each(PROFILE_IDS)('simulated reader over the %s profile', (profile) => {
  it('reads each of the four card kinds once and notices each removal', async () => {
    const { device, timers, events, drain } = await startSimulatedReader({ profile });
    drain();
    for (const card of SAMPLE_CARDS) {
      device.placeCard(card);
      await timers.advance(2000);
      device.removeCard();
      await timers.advance(2000);
    }
    expect(drain()).toEqual(Array(SAMPLE_CARDS.length).fill(['card-inserted', 'card-removed']).flat());
    void events;
  });

  it('decodes the same card the device was given', async () => {
    const { device, timers, events } = await startSimulatedReader({ profile });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(2000);
    const [event] = inserted(events);
    expect(event?.type === 'card-inserted' && { ...event.card, photo: undefined }).toEqual({ ...SAMPLE_RESIDENT_CARD, photo: undefined });
  });

  // Faults that one retry overcomes: the card is still read exactly once, with no error shown.
  it.each<[string, SimFault]>([
    ['a bad checksum', { type: 'bad-checksum' }],
    ['SW3 41 (read failed) once', { type: 'status', sw3: 0x41 }],
    ['a slow reply past the timeout', { type: 'slow', delayMs: 5000 }],
    ['a reply in small pieces', { type: 'fragment', pieceSize: 3, gapMs: 5 }],
    ['garbage before the reply', { type: 'garbage' }],
    ['a lost reply', { type: 'no-reply' }],
  ])('recovers from %s on the read', async (_what, fault) => {
    const { device, timers, events, drain } = await startSimulatedReader({ profile });
    drain();
    device.injectFault(fault, { on: 'read' });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(15_000);
    expect(events.map((e) => e.type)).toEqual(['card-inserted']);
  });

  it('recovers from a fragmented, slow find reply', async () => {
    const { device, timers, drain } = await startSimulatedReader({ profile });
    drain();
    device.injectFault({ type: 'fragment', gapMs: 40 }, { on: 'find', times: 3 });
    device.injectFault({ type: 'slow', delayMs: 300 }, { on: 'find', times: 3 });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(5000);
    expect(drain()).toEqual(['card-inserted']);
  });

  it.each([
    [0x33, 'CARD_UNREADABLE'],
    [0x31, 'CARD_UNREADABLE'],
    [0x40, 'CARD_UNSUPPORTED'],
  ])('reports SW3 %s that persists as %s, once', async (sw3, code) => {
    const { device, timers, events, drain } = await startSimulatedReader({ profile });
    drain();
    device.injectFault({ type: 'status', sw3 }, { on: 'read', times: 10 });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(15_000);
    expect(events).toEqual([{ type: 'error', code, message: expect.any(String) }]);
  });

  it('sees nothing when the SAM says 80 (no card)', async () => {
    const { device, timers, drain } = await startSimulatedReader({ profile });
    drain();
    device.injectFault({ type: 'status', sw3: 0x80 }, { on: 'find', times: 5 });
    await timers.advance(5000);
    expect(drain()).toEqual([]);
  });

  it('survives being unplugged in the middle of a read, and reads the card after replugging', async () => {
    const { device, timers, drain } = await startSimulatedReader({ profile });
    drain();
    device.injectFault({ type: 'unplug' }, { on: 'read' });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(3000);
    expect(device.plugged).toBe(false);
    expect(drain()).toEqual(['disconnected']);
    device.plug();
    await timers.advance(3000);
    expect(drain()).toEqual(['connected', 'card-inserted']);
  });
});

describe('simulated device', () => {
  it('refuses a card that cannot fit on a card, before anything is sent', async () => {
    const { device } = await startSimulatedReader();
    expect(() => device.placeCard({ ...SAMPLE_RESIDENT_CARD, address: '很长'.repeat(30) })).toThrow(RangeError);
    expect(device.hasCard).toBe(false);
  });

  it('polls at about 4 finds a second by default (demo mode)', async () => {
    const { device, timers } = await startSimulatedReader();
    const before = device.counters.byCommand.find ?? 0;
    await timers.advance(10_000);
    const finds = (device.counters.byCommand.find ?? 0) - before;
    expect(finds).toBeGreaterThanOrEqual(30);
    expect(finds).toBeLessThanOrEqual(45);
  });
});
