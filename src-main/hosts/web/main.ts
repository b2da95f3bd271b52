// Entry of the web host: `node dist/main/web-main.cjs [--port N] [--data-dir DIR] [--config FILE]`.
// Prints one line `KIOSK_URL=<url>` on stdout for the launcher (or a test) to open.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadKioskConfig } from '../../node/config/kioskConfig';
import { runsFromSourceCheckout } from '../../node/config/sourceCheckout';
import { createKioskRuntime } from '../../node/runtime/kioskRuntime';
import { startWebHost } from './webHost';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
    },
  });
  const port = values.port !== undefined ? Number(values.port) : Number(process.env.CREDIT_KIOSK_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`端口无效 / invalid port: ${values.port}`);
  // Installed (not a checkout), a missing config is the operator screen, never the demo.
  const packaged = !runsFromSourceCheckout(__dirname);
  const config = loadKioskConfig({ packaged, ...(values['data-dir'] && { dataDir: values['data-dir'] }), ...(values.config && { configPath: values.config }) });
  const runtime = await createKioskRuntime({ config });
  const host = await startWebHost({ api: runtime.api, rendererDir: path.join(__dirname, '..', 'renderer'), port });
  process.stdout.write(`KIOSK_URL=${host.url}\nKIOSK_LAUNCH_URL=${host.launchUrl}\n`);
  const stop = async (): Promise<void> => {
    await host.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: Error) => {
  process.stderr.write(`credit-kiosk web host: ${err.message}\n`);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
