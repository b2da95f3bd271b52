// A card lifted and another placed faster than the loop can see an empty reader:
// the first person's session must end and the second card be announced, whatever
// the USB framing and however short the gap.
import { describe, expect, it } from 'vitest';
import type { CardReaderEvent } from '../../../../native/reader/cardReader';
import { SAMPLE_HMT_CARD, SAMPLE_RESIDENT_CARD } from '../../../../native/reader/simulator/sampleCards';
import { PROFILE_IDS } from '../../../../native/reader/transports/transport';
import { startSimulatedReader } from './testReader';

function summary(events: CardReaderEvent[]): string[] {
  return events.splice(0).map((e) => (e.type === 'card-inserted' ? `card-inserted ${e.card.idNumber}` : e.type));
}

describe.each(PROFILE_IDS)('a fast card swap over the %s profile', (profile) => {
  it.each([0, 50, 150])('with %i ms between the cards ends the first card and announces the second', async (gapMs) => {
    const { device, timers, events } = await startSimulatedReader({ profile });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(2000);
    expect(summary(events)).toEqual(['connected', `card-inserted ${SAMPLE_RESIDENT_CARD.idNumber}`]);

    device.removeCard();
    if (gapMs > 0) await timers.advance(gapMs);
    device.placeCard(SAMPLE_HMT_CARD);
    await timers.advance(2000);
    expect(summary(events)).toEqual(['card-removed', `card-inserted ${SAMPLE_HMT_CARD.idNumber}`]);
  });

  it('swapping in an unreadable card ends the first card and says the new one cannot be read', async () => {
    const { device, timers, events } = await startSimulatedReader({ profile });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(2000);
    events.splice(0);
    device.injectFault({ type: 'status', sw3: 0x41 }, { on: 'read', times: 1000 });
    device.placeCard(SAMPLE_HMT_CARD);
    await timers.advance(3000);
    expect(summary(events)).toEqual(['card-removed', 'error']);
  });

  it('the same card lying still is never announced twice', async () => {
    const { device, timers, events } = await startSimulatedReader({ profile });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(10_000);
    expect(summary(events).filter((e) => e !== 'connected')).toEqual([`card-inserted ${SAMPLE_RESIDENT_CARD.idNumber}`]);
  });
});

describe('a fast swap on a reader whose cards go quiet after a read (announceRemoval: false)', () => {
  it('still ends the first card before announcing another person', async () => {
    const { device, timers, events } = await startSimulatedReader({ announceRemoval: false, device: { haltAfterRead: true } });
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(3000);
    events.splice(0);
    device.placeCard(SAMPLE_HMT_CARD);
    await timers.advance(2000);
    expect(summary(events)).toEqual(['card-removed', `card-inserted ${SAMPLE_HMT_CARD.idNumber}`]);
  });
});
