// The fleet view mounted on the platform: its page under /fleet/ and its API under
// /v1/fleet/, over the platform's one store (FleetQueries), operators from their file,
// the published fleet configuration from the repository.
import { createFleetRoutes } from './fleetRoutes';
import { createOperatorSessions, loadOperatorPepper, readOperators } from './fleetOperators';
import type { PlatformMount } from './platformServer';
import type { PlatformStore } from './platformStore';
import { send } from '../http/jsonHttp';
import { publishedFleetConfigVersion } from '../sync/fleetConfigFile';

export interface FleetMountOptions {
  operatorsFile: string;
  pageDir: string;
  timeZone?: string;
}

export function fleetMounts(fleet: FleetMountOptions, platform: { repo: string; stateDir: string; store: PlatformStore; secure: boolean; now: () => Date }): PlatformMount[] {
  // Read at start, so a broken operators file stops the platform with its reason.
  readOperators(fleet.operatorsFile);
  const sessions = createOperatorSessions({ operators: () => readOperators(fleet.operatorsFile), pepper: loadOperatorPepper(platform.stateDir), now: () => platform.now().getTime() });
  const routes = createFleetRoutes({
    queries: platform.store,
    sessions,
    pageDir: fleet.pageDir,
    kiosks: () => platform.store.kioskIds(),
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
  const handle: PlatformMount['handle'] = async (req, res, { url }) => {
    if (!(await routes(req, res, url))) send(res, 404, { error: { code: 'NOT_FOUND', message: '没有这个地址 / no such path' } });
  };
  return [
    { prefix: '/fleet/', handle },
    { prefix: '/v1/fleet/', handle },
  ];
}
