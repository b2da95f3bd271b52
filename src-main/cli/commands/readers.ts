// `credit-kiosk readers [--json] [--config FILE]`: the ID card readers attached
// now, each with the transport profile the kiosk would drive it with.
import type { Command } from 'commander';
import { listAttachedReaders, type DeviceLister } from '../../../native/reader/transports/deviceWatcher';
import { loadReaderProfiles } from '../../../native/reader/transports/profiles';
import { nodeDeviceLister } from '../../../native/reader/usbCardReader';
import { emit, emitError, EXIT_OK, type OutputOptions } from '../output';

interface ReadersOptions extends OutputOptions {
  config?: string;
}

export function register(program: Command): void {
  program
    .command('readers')
    .description('list attached ID card readers and their transport profiles')
    .option('--config <file>', 'extra reader profile table (same shape as resources/readers/profiles.json)')
    .option('--json', 'print JSON')
    .action((options: ReadersOptions) => readersCommand(options));
}

export async function readersCommand(options: ReadersOptions, lister: DeviceLister = nodeDeviceLister): Promise<void> {
  const table = await loadReaderProfiles(options.config);
  if (!table.ok) return emitError(options, 'INVALID_INPUT', table.message);
  // Listing failures (no HID access, binding missing) are worth saying, not worth failing on.
  const warnings: string[] = [];
  const noting = (what: string) => (error: unknown) => {
    warnings.push(`${what} devices could not be listed: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  };
  const readers = await listAttachedReaders(table.profiles, {
    listHid: () => lister.listHid().catch(noting('HID')),
    listSerial: () => lister.listSerial().catch(noting('serial')),
  });
  const human = readers.length
    ? readers.map((r) => `${r.vendorId}:${r.productId}  ${r.profile.padEnd(15)} ${r.path}  ${r.name}`).join('\n')
    : 'No ID card reader attached.';
  emit(options, { readers, ...(warnings.length ? { warnings } : {}) }, [human, ...warnings.map((w) => `warning: ${w}`)].join('\n'));
  process.exitCode = EXIT_OK;
}
