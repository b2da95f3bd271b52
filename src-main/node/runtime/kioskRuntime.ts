// Composition root: builds the services from the config and exposes them as one
// KioskApi. Both hosts (Electron, web) and the e2e tests start the kiosk here.
import type { KioskApi } from '../../common/contract/kioskApi';
import type { KioskConfig } from '../config/kioskConfig';

export interface KioskRuntime {
  api: KioskApi;
  config: KioskConfig;
  /** Ends any session, stops devices, closes the cache. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  config: KioskConfig;
  /** Folder holding resources/ (demo data, reader profiles); defaults next to the bundle. */
  resourcesDir?: string;
}

export async function createKioskRuntime(_options: RuntimeOptions): Promise<KioskRuntime> {
  throw new Error('not wired yet');
}
