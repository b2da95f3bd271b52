// FLEET VIEW wiring for the reference platform (sync/platformServer): the fleet routes over
// its SQLite event store, operators from their file, the published fleet configuration from
// the repository. The one seam to re-wire when the platform's store changes.
import type http from 'node:http';
import { createFleetRoutes, type FleetQueries } from './fleetRoutes';
import { createOperatorSessions, loadOperatorPepper, readOperators } from './fleetOperators';
import { publishedFleetConfigVersion } from '../sync/fleetConfigFile';

export function mountFleet(
  fleet: { operatorsFile: string; pageDir: string; timeZone?: string },
  platform: { repo: string; stateDir: string; events: FleetQueries; kiosks: string[]; secure: boolean; now: () => Date },
): (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean> {
  // Read at start, so a broken operators file stops the platform with its reason.
  readOperators(fleet.operatorsFile);
  const sessions = createOperatorSessions({ operators: () => readOperators(fleet.operatorsFile), pepper: loadOperatorPepper(platform.stateDir), now: () => platform.now().getTime() });
  return createFleetRoutes({
    queries: platform.events,
    sessions,
    pageDir: fleet.pageDir,
    kiosks: () => platform.kiosks,
    publishedConfigVersion: () => {
      try {
        return publishedFleetConfigVersion(platform.repo);
      } catch {
        return null; // a damaged file shows as none published; kiosks refuse it with its code
      }
    },
    ...(fleet.timeZone !== undefined && { timeZone: fleet.timeZone }),
    secure: platform.secure,
    now: platform.now,
  });
}
