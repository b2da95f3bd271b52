// Sends the pages of repair applications to the platform through the one platform client
// (POST v1/attachments), each deleted here as soon as the platform has stored it. A page
// the platform refuses or cannot take now stays sealed and is tried on the next round.
import type { PlatformClient } from '../platformClient/platformClient';
import { platformErrorOf } from '../platformClient/platformError';
import type { Logger } from '../logging/logger';
import type { RepairStore } from './repairStore';

export interface PageRound {
  sent: number;
  left: number;
  error?: string;
}

/** One round over the waiting pages, oldest application first; stops at the first failure (the platform is likely away). */
export async function sendWaitingPages(store: RepairStore, client: PlatformClient | null, logger: Logger, options: { deadlineMs?: number; limit?: number } = {}): Promise<PageRound> {
  const pages = store.waitingPages(options.limit ?? 50);
  if (!client) return { sent: 0, left: pages.length, error: '未配置平台 / no platform configured' };
  let sent = 0;
  for (const page of pages) {
    let error: string | null = null;
    try {
      const res = await client.call({
        method: 'POST',
        path: 'v1/attachments',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ applicationNumber: page.applicationNumber, material: page.material, sha256: page.sha256, type: 'image/jpeg', data: page.jpeg.toString('base64') }),
        deadlineMs: options.deadlineMs ?? 30_000,
        retries: 1,
        maxBytes: 16 * 1024,
      });
      if (res.status !== 200) error = `平台拒收（HTTP ${res.status}）/ refused by the platform (HTTP ${res.status})`;
    } catch (err) {
      error = platformErrorOf(err).message;
    }
    if (error !== null) {
      logger.warn({ event: 'repair-page-not-sent', applicationNumber: page.applicationNumber, error }, 'repair page not sent; kept sealed for the next round');
      return { sent, left: pages.length - sent, error };
    }
    store.deletePage(page.applicationNumber, page.sha256);
    sent += 1;
  }
  if (sent > 0) logger.info({ event: 'repair-pages-sent', sent }, 'repair pages delivered and deleted here');
  return { sent, left: pages.length - sent };
}
