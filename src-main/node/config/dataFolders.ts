// Where a mode keeps its state. Production keeps its files at the top of the data
// folder; the demo keeps every file it makes (cache, keys, staff, reports, logs,
// printed PDFs) in its own sub-folder, so demo and production never share a cache,
// a key or an account table, and leaving the demo is removing one folder.
import path from 'node:path';
import type { KioskConfig } from './kioskConfig';

export const DEMO_FOLDER = 'demo';

/**
 * The config as the runtime uses it: dataDir is the mode's folder, and the files the
 * config names relative to the data folder (printer folder, sync token, CA, root) still
 * resolve against the data folder the operator meant.
 */
export function modeConfig(config: KioskConfig): KioskConfig {
  const dataDir = modeDataDir(config);
  if (dataDir === config.dataDir) return config;
  const abs = (file: string | undefined): string | undefined => (file === undefined ? undefined : path.resolve(config.dataDir, file));
  const printer = config.printer.kind === 'file' && config.printer.dir !== undefined ? { ...config.printer, dir: abs(config.printer.dir)! } : config.printer;
  const sync = config.sync && {
    ...config.sync,
    ...(config.sync.caFile !== undefined && { caFile: abs(config.sync.caFile)! }),
    ...(config.sync.tokenFile !== undefined && { tokenFile: abs(config.sync.tokenFile)! }),
    ...(config.sync.trustedRootFile !== undefined && { trustedRootFile: abs(config.sync.trustedRootFile)! }),
  };
  return { ...config, dataDir, printer, ...(sync && { sync }) };
}

/** The folder the runtime and the command line read and write for this config's mode. */
export function modeDataDir(config: Pick<KioskConfig, 'dataDir' | 'mode'>): string {
  return config.mode === 'demo' ? path.join(config.dataDir, DEMO_FOLDER) : config.dataDir;
}
