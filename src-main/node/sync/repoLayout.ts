// Where files live in a repository (a folder any web server, CDN or USB stick can
// carry). After TUF's consistent snapshots: snapshots by version, packages by hash,
// so a publisher writing release N+1 never changes a file a kiosk is reading for N.

export const ROOT_FILE = 'root.json';
export const TIMESTAMP_FILE = 'timestamp.json';
export const PACKAGES_DIR = 'packages';
/** The fleet configuration (common/sync/fleetConfig): one signed file, replaced by each new version. */
export const FLEET_CONFIG_FILE = 'fleet-config.json';

export const rootFile = (version: number): string => `${version}.root.json`;
export const snapshotFile = (version: number): string => `${version}.snapshot.json`;
export const packageFile = (name: string): string => `${PACKAGES_DIR}/${name}`;

/** Size caps for files whose length is not signed anywhere (the endless-data attack). */
export const MAX_ROOT_BYTES = 64 * 1024;
export const MAX_TIMESTAMP_BYTES = 16 * 1024;
/** How many root versions one update may walk through. */
export const MAX_ROOT_ROTATIONS = 1024;

/** Files a server may hand out: anything else (publisher state, dot-files) stays private. */
export function isRepositoryPath(rel: string): boolean {
  return (
    rel === ROOT_FILE ||
    rel === TIMESTAMP_FILE ||
    rel === FLEET_CONFIG_FILE ||
    /^\d{1,15}\.(?:root|snapshot)\.json$/.test(rel) ||
    /^packages\/[0-9a-f]{64}\.(?:full-v\d{1,15}|delta-v\d{1,15}-v\d{1,15})\.ndjson\.gz$/.test(rel)
  );
}
