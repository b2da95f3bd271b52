// The data folder a command works on: the kiosk's own config (from --data-dir,
// CREDIT_KIOSK_DATA_DIR or CREDIT_KIOSK_CONFIG) decides the mode, and the mode decides
// the folder, so a command pointed at a production folder never reads or builds the demo.
import path from 'node:path';
import { modeDataDir } from '../node/config/dataFolders';
import { loadKioskConfig, type KioskConfig } from '../node/config/kioskConfig';

export function cliConfig(dataDir?: string): KioskConfig {
  return loadKioskConfig(dataDir ? { dataDir: path.resolve(dataDir) } : {});
}

/** Where this config's mode keeps its files (the demo's own sub-folder in demo mode). */
export function cliDataDir(dataDir?: string): string {
  return modeDataDir(cliConfig(dataDir));
}
