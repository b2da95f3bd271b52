// Builds the platform client, the online client and the outbox from the kiosk's config
// (keys `sync` and `outbox`), so the runtime wires them in one line each. Paths in the
// config are relative to the data folder. One platform client serves every path (pull,
// online lookup, delivery, fleet configuration): one pinned CA, one breaker.
import fs from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../config/kioskConfig';
import { createOutbox, type Outbox } from '../outbox/outbox';
import { createPlatformClient, type PlatformClient } from '../platformClient/platformClient';
import { createOnlineClient, type OnlineClient } from './onlineClient';

function readOptional(config: KioskConfig, file: string | undefined): string | undefined {
  return file ? fs.readFileSync(path.resolve(config.dataDir, file), 'utf8').trim() : undefined;
}

/** The client for <sync.platformUrl>, or null when no platform is configured. */
export function platformClientFromConfig(config: KioskConfig): PlatformClient | null {
  const sync = config.sync;
  if (!sync?.platformUrl) return null;
  const token = readOptional(config, sync.tokenFile);
  const ca = readOptional(config, sync.caFile);
  return createPlatformClient({ url: sync.platformUrl, ...(token && { token }), ...(ca && { ca }) });
}

/** The online fallback, or null when no platform (or no token) is configured. */
export function onlineClientFromConfig(config: KioskConfig, client: PlatformClient | null): OnlineClient | null {
  const sync = config.sync;
  if (!sync?.platformUrl || !sync.tokenFile || !client) return null;
  return createOnlineClient({ client, timeoutMs: sync.onlineTimeoutMs, retries: sync.onlineRetries });
}

/** The one outbox in <dataDir>/outbox.sqlite: it stores events even with no platform configured, and delivers them once one is. */
export function outboxFromConfig(config: KioskConfig, key: Buffer, client: PlatformClient | null, now?: () => Date): Outbox {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const o = config.outbox;
  return createOutbox({
    file: path.join(config.dataDir, 'outbox.sqlite'),
    key,
    // Events go to the platform only with this kiosk's token (the intake answers no one else).
    client: config.sync?.tokenFile ? client : null,
    limits: { maxPending: o.maxPending, alarmPending: o.alarmPending, alarmAgeHours: o.alarmAgeHours, deliveredDays: config.retention.deliveredOutboxDays },
    intervalMs: o.deliverSeconds * 1000,
    ...(now && { now }),
  });
}
