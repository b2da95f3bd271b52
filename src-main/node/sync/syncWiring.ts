// Builds the online client and the outbox from the kiosk's config (`sync` key), so the
// runtime wires them in one line each. Paths in the config are relative to the data folder.
import fs from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../config/kioskConfig';
import { createOnlineClient, type OnlineClient } from './onlineClient';
import { createOutbox, type Outbox } from './outbox';

function readOptional(config: KioskConfig, file: string | undefined): string | undefined {
  return file ? fs.readFileSync(path.resolve(config.dataDir, file), 'utf8').trim() : undefined;
}

/** The online fallback, or null when no platform (or no token) is configured. */
export function onlineClientFromConfig(config: KioskConfig): OnlineClient | null {
  const sync = config.sync;
  const token = readOptional(config, sync?.tokenFile);
  if (!sync?.platformUrl || !token) return null;
  const ca = readOptional(config, sync.caFile);
  return createOnlineClient({ url: sync.platformUrl, token, ...(ca && { ca }), timeoutMs: sync.onlineTimeoutMs, retries: sync.onlineRetries });
}

/** The durable outbox in <dataDir>/outbox.sqlite (it stores events even with no platform configured). */
export function outboxFromConfig(config: KioskConfig): Outbox {
  const sync = config.sync;
  const token = readOptional(config, sync?.tokenFile);
  const ca = readOptional(config, sync?.caFile);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return createOutbox({ file: path.join(config.dataDir, 'outbox.sqlite'), ...(sync?.platformUrl && { url: sync.platformUrl }), ...(token && { token }), ...(ca && { ca }) });
}
