// Shared by the reader tests: a simulated reader on a manual clock, and its events as a list.
import type { CardReaderEvent } from '../../../../native/reader/cardReader';
import { createSimulatedReader, type SimulatedReaderOptions } from '../../../../native/reader/simulator/createSimulatedReader';
import { createManualTimers } from '../../../../native/reader/timers';

export async function startSimulatedReader(options: SimulatedReaderOptions = {}) {
  const timers = createManualTimers();
  const { reader, device } = createSimulatedReader({ ...options, timers });
  const events: CardReaderEvent[] = [];
  reader.on((event) => events.push(event));
  await reader.start();
  await timers.advance(100);
  /** Event types since the last call, e.g. ['card-inserted']. */
  const drain = (): string[] => events.splice(0).map((e) => e.type);
  return { reader, device, timers, events, drain };
}
