// A staff service over a real demo cache in a temp folder, with a clock the test moves.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';
import type { IdCard } from '../../../src-main/common/domain/idCard';
import { openCreditCache } from '../../../src-main/node/cache/openCreditCache';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { EventHub } from '../../../src-main/node/kiosk/eventHub';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createOutbox, type Outbox } from '../../../src-main/node/outbox/outbox';
import { createStaffService, type StaffService, type StaffServiceDeps } from '../../../src-main/node/staff/staffService';
import { demoCache, NOW, removeTempDirs, tempDir } from '../cache/cacheTestFiles';
import type { KioskEvent } from '../../../src-main/common/contract/events';
import type { LocalCreditCache } from '../../../src-main/node/cache/creditCache';

export const RESOURCES_DIR = path.resolve(__dirname, '../../../resources');
/** Cheap scrypt for tests: the cost parameters are not what is under test. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

export class FakeReader {
  private listeners = new Set<(e: { type: string; card?: IdCard }) => void>();
  on(l: (e: { type: string; card?: IdCard }) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  place(card: IdCard): void {
    for (const l of this.listeners) l({ type: 'card-inserted', card });
  }
  remove(): void {
    for (const l of this.listeners) l({ type: 'card-removed' });
  }
}

export interface Fixture {
  service: StaffService;
  cache: LocalCreditCache;
  clock: { now: Date; advance(ms: number): void };
  events: KioskEvent[];
  reader: FakeReader;
  dataDir: string;
  /** The kiosk's one outbox (no platform): what the checks and decisions queued. */
  outbox: Outbox;
  close(): Promise<void>;
}

export async function staffFixture(extra: Partial<StaffServiceDeps> = {}): Promise<Fixture> {
  const ensured = demoCache();
  const cache = await openCreditCache({ file: ensured.file, key: ensured.key, worker: 'none' });
  const clock = {
    now: new Date(NOW),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const hub = new EventHub();
  const events: KioskEvent[] = [];
  hub.subscribe((e) => events.push(e));
  const reader = new FakeReader();
  const dataDir = tempDir('staff-');
  const outbox = createOutbox({ file: path.join(dataDir, 'outbox.sqlite'), key: Buffer.alloc(32, 9), now: () => clock.now });
  const service = await createStaffService({
    cache,
    hub,
    logger: silentLogger(),
    dataDir,
    keys: fileKeyStore(dataDir),
    resourcesDir: RESOURCES_DIR,
    kioskId: 'KIOSK-T1',
    reader,
    demo: true,
    scrypt: TEST_SCRYPT,
    now: () => clock.now,
    outbox,
    ...extra,
  });
  return {
    service,
    cache,
    clock,
    events,
    reader,
    dataDir,
    outbox,
    close: async () => {
      await service.close();
      await outbox.close();
      await cache.close();
    },
  };
}

export async function signIn(service: StaffService, staffNo: string, pin: string): Promise<string> {
  const r = await service.signIn({ by: 'pin', staffNo, pin });
  if (!r.ok || !r.value.signedIn) throw new Error(`sign-in failed: ${JSON.stringify(r)}`);
  return r.value.session.token;
}

export const STAFF = { staffNo: 'D001', pin: '246810' };
export const SUPERVISOR = { staffNo: 'D002', pin: '135790' };
export const ADMIN = { staffNo: 'D900', pin: '864200' };

/** A fresh fixture for each test of the calling file (closed after it); read it through the returned function. */
export function eachStaffFixture(extra: Partial<StaffServiceDeps> = {}): () => Fixture {
  let fx: Fixture | undefined;
  beforeEach(async () => {
    fx = await staffFixture(extra);
  });
  afterEach(async () => {
    await fx?.close();
  });
  afterAll(() => removeTempDirs());
  return () => fx!;
}

const DEMO_CARDS = JSON.parse(fs.readFileSync(path.join(RESOURCES_DIR, 'demo', 'cards.json'), 'utf8')) as { cards: Array<IdCard & { id: string; label: string }> };

/** A demo card as the reader gives it (the demo's id and label are the simulator's, not the card's). */
export function demoCard(id: string): IdCard {
  const { id: _i, label: _l, ...c } = DEMO_CARDS.cards.find((x) => x.id === id)!;
  return c;
}
