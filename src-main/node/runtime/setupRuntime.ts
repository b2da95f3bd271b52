// What a packaged kiosk runs when it found no configuration: no cache, no reader, no
// accounts, no demo — only getInfo, which tells the operator screen what is missing.
// Every other call is refused with NOT_CONFIGURED, so nothing can be looked up,
// printed or signed into until an operator provides the config file.
import { DEFAULT_ERROR_MESSAGES } from '../../common/contract/errorCodes';
import { KIOSK_METHODS, type KioskApi, type KioskMethods } from '../../common/contract/kioskApi';
import { fail, ok } from '../../common/contract/result';
import type { KioskInfo } from '../../common/contract/views';
import type { KioskConfig } from '../config/kioskConfig';
import type { KioskRuntime } from './kioskRuntime';

export function createSetupRuntime(config: KioskConfig, appVersion: string): KioskRuntime {
  const info: KioskInfo = {
    // Not configured: no kiosk id or issuer yet (the schema's defaults are the demo's).
    kioskId: '',
    appVersion,
    mode: config.mode,
    station: config.station,
    idleSeconds: config.session.idleSeconds,
    countdownSeconds: config.session.countdownSeconds,
    issuer: '',
    voiceVolume: 0,
    setup: { reason: 'no-config', searched: config.unconfigured?.searched ?? [] },
  };
  const refused = async () => fail('NOT_CONFIGURED', DEFAULT_ERROR_MESSAGES.NOT_CONFIGURED);
  const methods = Object.fromEntries(KIOSK_METHODS.map((m) => [m, refused])) as unknown as KioskMethods;
  const api: KioskApi = { ...methods, getInfo: async () => ok(info), subscribe: () => () => undefined };
  return { api, config, cameraAllowed: () => false, close: async () => undefined };
}
