// The credit repair room wired from the config: its store (pages sealed under the
// KeyStore's cache key), the materials file, the platform's sealing key, and a page
// round on the outbox's rhythm. The runtime builds it in one call and closes it.
import path from 'node:path';
import type { KioskConfig } from '../config/kioskConfig';
import type { CitizenAccess } from '../citizen/citizenAccess';
import { platformSealKey } from '../citizen/phoneSeal';
import type { CommitmentIssuerOptions } from '../commitment/issueCommitment';
import type { KeyStore } from '../keys/keyStore';
import { loadSubjectKeyer } from '../keys/subjectKeyer';
import type { Logger } from '../logging/logger';
import type { PlatformClient } from '../platformClient/platformClient';
import { loadRepairConfig } from './repairConfigFile';
import { createRepairService, type RepairRoom, type RepairServiceDeps } from './repairService';
import { repairPageCipher, RepairStore } from './repairStore';
import { sendWaitingPages } from './pageSender';

export interface RepairRoomDeps {
  config: KioskConfig;
  keys: KeyStore;
  /** The KeyStore's cache master key: the pages are sealed under a key derived from it. */
  cacheKey: Buffer;
  resourcesDir: string;
  access: CitizenAccess;
  letters: CommitmentIssuerOptions;
  outbox: RepairServiceDeps['outbox'];
  platform: PlatformClient | null;
  audit: RepairServiceDeps['audit'];
  staffOf: RepairServiceDeps['staffOf'];
  counter: RepairServiceDeps['counter'];
  logger: Logger;
  /** How often waiting pages are tried again (default: the outbox's heartbeat, at least a minute). */
  retryMs?: number;
  now?: () => Date;
}

export function createRepairRoom(deps: RepairRoomDeps): { room: RepairRoom; sendPages(): Promise<unknown>; close(): void } {
  const store = new RepairStore(path.join(deps.config.dataDir, 'repair.sqlite'), repairPageCipher(deps.cacheKey));
  let round: Promise<Awaited<ReturnType<typeof sendWaitingPages>>> | null = null;
  // One round at a time: a submit and the timer share the one in flight.
  const sendPages = (): ReturnType<typeof sendWaitingPages> => (round ??= sendWaitingPages(store, deps.platform, deps.logger, { deadlineMs: 10_000 }).finally(() => (round = null)));
  const room = createRepairService({
    access: deps.access,
    config: loadRepairConfig(deps.resourcesDir),
    letters: deps.letters,
    store,
    keyer: loadSubjectKeyer(deps.keys),
    outbox: deps.outbox,
    phoneKey: platformSealKey(deps.config, deps.resourcesDir),
    sendPages,
    audit: deps.audit,
    staffOf: deps.staffOf,
    counter: deps.counter,
    logger: deps.logger,
    ...(deps.now && { now: deps.now }),
  });
  // Waiting pages are tried on the outbox's rhythm; after a failure sooner, doubling (5 s, 10 s … up to that rhythm).
  const period = deps.retryMs ?? 60_000;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const schedule = (ms: number): void => {
    if (closed) return;
    timer = setTimeout(() => {
      void sendPages()
        .then((r) => (failures = r.error && r.left > 0 ? failures + 1 : 0))
        .catch(() => (failures += 1))
        .finally(() => schedule(failures === 0 ? period : Math.min(period, 5_000 * 2 ** Math.min(failures - 1, 10))));
    }, ms);
    timer.unref();
  };
  schedule(5_000);
  return {
    room,
    sendPages,
    close: () => {
      closed = true;
      clearTimeout(timer);
      store.shutdown();
    },
  };
}
