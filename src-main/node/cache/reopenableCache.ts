// The kiosk's handle on the cache across syncs: after a new version is applied the
// file is reopened, and lookups move to it without the services noticing. A lookup
// already running finishes on the old connection, which is closed only after.
import type { LocalCreditCache } from './creditCache';

export interface ReopenableCache extends LocalCreditCache {
  reopen(): Promise<void>;
}

export async function createReopenableCache(open: () => Promise<LocalCreditCache>): Promise<ReopenableCache> {
  let current = await open();
  let inFlight = 0;
  let retired: LocalCreditCache[] = [];

  const closeRetired = async () => {
    if (inFlight > 0) return;
    const old = retired;
    retired = [];
    await Promise.all(old.map((c) => c.close()));
  };

  async function track<T>(call: (cache: LocalCreditCache) => Promise<T>): Promise<T> {
    inFlight += 1;
    try {
      return await call(current);
    } finally {
      inFlight -= 1;
      if (retired.length) await closeRetired();
    }
  }

  return {
    findByCode: (code) => track((c) => c.findByCode(code)),
    findManyByCode: (codes) => track((c) => c.findManyByCode(codes)),
    findHitsByCode: (codes) => track((c) => c.findHitsByCode(codes)),
    findRepresentedBy: (person) => track((c) => c.findRepresentedBy(person)),
    search: (text, options) => track((c) => c.search(text, options)),
    dataInfo: () => track((c) => c.dataInfo()),
    check: () => track((c) => c.check()),
    reopen: async () => {
      const next = await open();
      retired.push(current);
      current = next;
      await closeRetired();
    },
    close: async () => {
      retired.push(current);
      inFlight = 0;
      await closeRetired();
    },
  };
}
