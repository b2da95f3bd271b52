import { describe, expect, it } from 'vitest';
import type { CardReaderEvent } from '../../../../native/reader/cardReader';
import { createReaderLoop } from '../../../../native/reader/readerLoop';
import { SAMPLE_HMT_CARD, SAMPLE_RESIDENT_CARD } from '../../../../native/reader/simulator/sampleCards';
import { createManualTimers } from '../../../../native/reader/timers';
import type { ReaderTransport } from '../../../../native/reader/transports/transport';
import { startSimulatedReader } from './testReader';

describe('reader loop', () => {
  it('says connected after the SAM answers its status request', async () => {
    const { events, device } = await startSimulatedReader();
    expect(events[0]).toEqual({ type: 'connected', info: { name: 'Simulated reader (raw-interrupt)', profile: 'raw-interrupt', simulated: true } });
    expect(device.counters.byCommand.status).toBe(1);
  });

  it('gives exactly one card-inserted per placement, however long the card lies there', async () => {
    const { device, timers, events, drain } = await startSimulatedReader();
    drain();
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(60_000);
    expect(drain()).toEqual(['card-inserted']);
    // The card is read again on every poll (its identity checked), and stays one placement.
    expect(device.counters.byCommand.read).toBeGreaterThan(100);
    expect(events).toEqual([]);
  });

  it('delivers the decoded card with its photo as WLT', async () => {
    const { device, timers, events } = await startSimulatedReader();
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(1000);
    const inserted = events.find((e): e is Extract<CardReaderEvent, { type: 'card-inserted' }> => e.type === 'card-inserted');
    expect(inserted?.card).toMatchObject({ ...SAMPLE_RESIDENT_CARD, photo: { format: 'wlt', decoded: false } });
  });

  it('says card-removed once finds fail after a read, then reads the next card', async () => {
    const { device, timers, drain } = await startSimulatedReader();
    drain();
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(1000);
    device.removeCard();
    await timers.advance(1000);
    expect(drain()).toEqual(['card-inserted', 'card-removed']);
    device.placeCard(SAMPLE_HMT_CARD);
    await timers.advance(1000);
    expect(drain()).toEqual(['card-inserted']);
  });

  it('does not take one missed find for a removal', async () => {
    const { device, timers, drain } = await startSimulatedReader({ removalMisses: 2 });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(1000);
    drain();
    device.injectFault({ type: 'status', sw3: 0x80 }, { on: 'find' });
    await timers.advance(5000);
    expect(drain()).toEqual([]);
  });

  it('re-arms silently for readers whose cards go quiet after a read (announceRemoval: false)', async () => {
    const { device, timers, drain } = await startSimulatedReader({ announceRemoval: false, device: { haltAfterRead: true } });
    drain();
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(5000);
    expect(drain()).toEqual(['card-inserted']);
    // Lifted and placed again: the halted card wakes up and is read once more.
    device.removeCard();
    await timers.advance(1000);
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(1000);
    expect(drain()).toEqual(['card-inserted']);
  });

  it('reports disconnected (and the card gone) on unplug, and reconnects on plug', async () => {
    const { device, timers, drain } = await startSimulatedReader();
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(1000);
    drain();
    device.unplug();
    await timers.advance(3000);
    expect(drain()).toEqual(['card-removed', 'disconnected']);
    device.plug();
    await timers.advance(3000);
    expect(drain()).toEqual(['connected', 'card-inserted']);
  });

  it('stays quiet after stop()', async () => {
    const { reader, device, timers, drain } = await startSimulatedReader();
    drain();
    await reader.stop();
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(5000);
    expect(drain()).toEqual([]);
    expect(timers.pending()).toBe(0);
  });

  it('keeps asking while no reader is attached, without error storms', async () => {
    const { device, timers, drain } = await startSimulatedReader();
    device.unplug();
    await timers.advance(1000);
    drain();
    await timers.advance(60_000);
    expect(drain()).toEqual([]);
    device.plug();
    await timers.advance(1000);
    expect(drain()).toEqual(['connected']);
  });

  it('resets a SAM that fails its status check, then carries on', async () => {
    const { device, timers, drain } = await startSimulatedReader();
    device.unplug();
    await timers.advance(1000);
    drain();
    device.injectFault({ type: 'status', sw3: 0x60 }, { on: 'status' });
    device.plug();
    await timers.advance(1000);
    expect(drain()).toEqual(['connected']);
    expect(device.counters.byCommand.reset).toBe(1);
  });

  it('times out every exchange and backs off, then reconnects, when the SAM falls silent', async () => {
    const { device, timers, events, drain } = await startSimulatedReader({ exchangeTimeoutMs: 500, failuresBeforeReconnect: 3 });
    drain();
    device.injectFault({ type: 'no-reply' }, { on: 'find', times: 3 });
    await timers.advance(10_000);
    expect(events.map((e) => e.type)).toEqual(['error', 'disconnected', 'connected']);
    expect(events[0]).toMatchObject({ type: 'error', code: 'READER_UNAVAILABLE' });
  });

  it('tells one card error per placement and waits for the card to be placed again', async () => {
    const { device, timers, events, drain } = await startSimulatedReader({ readAttempts: 2 });
    drain();
    device.injectFault({ type: 'status', sw3: 0x41 }, { on: 'read', times: 5 });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(10_000);
    expect(events).toEqual([{ type: 'error', code: 'CARD_UNREADABLE', message: expect.stringContaining('读证/卡操作失败') }]);
    drain();
    device.clearFaults();
    device.removeCard();
    await timers.advance(1000);
    // Lifting it is said, so the screen that asked for it can clear.
    expect(drain()).toEqual(['card-removed']);
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(1000);
    expect(drain()).toEqual(['card-inserted']);
  });

  it('survives a listener that throws', async () => {
    const { reader, device, timers, drain } = await startSimulatedReader();
    reader.on(() => {
      throw new Error('a screen bug');
    });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(1000);
    device.removeCard();
    await timers.advance(1000);
    expect(drain()).toEqual(['connected', 'card-inserted', 'card-removed']);
  });

  it('runs over any ReaderTransport: a hand-made one that never answers gives timeouts, not hangs', async () => {
    const timers = createManualTimers();
    let writes = 0;
    const silent: ReaderTransport = {
      profile: 'serial',
      write: async () => void writes++,
      onData: () => () => undefined,
      onClose: () => () => undefined,
      close: async () => undefined,
    };
    const reader = createReaderLoop({
      timers,
      exchangeTimeoutMs: 100,
      connect: async () => ({ transport: silent, info: { name: 'silent', profile: 'serial', simulated: true } }),
    });
    const events: CardReaderEvent[] = [];
    reader.on((e) => events.push(e));
    await reader.start();
    await timers.advance(5000);
    await reader.stop();
    expect(writes).toBeGreaterThan(2);
    expect(events).toEqual([{ type: 'error', code: 'READER_UNAVAILABLE', message: expect.any(String) }]);
  });
});
