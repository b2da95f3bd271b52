import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CardReaderEvent } from '../../../../native/reader/cardReader';
import { SimulatedDevice } from '../../../../native/reader/simulator/simulatedDevice';
import { SAMPLE_RESIDENT_CARD } from '../../../../native/reader/simulator/sampleCards';
import { createManualTimers } from '../../../../native/reader/timers';
import { createDeviceWatcher, listAttachedReaders, type HidDeviceInfo, type WatcherEvent } from '../../../../native/reader/transports/deviceWatcher';
import { findProfile, loadReaderProfiles, shippedProfiles } from '../../../../native/reader/transports/profiles';
import { chooseReader, createUsbCardReader } from '../../../../native/reader/usbCardReader';

const C35A: HidDeviceInfo = { vendorId: 0x0400, productId: 0xc35a, path: '/dev/hidraw3', product: 'reader' };
const MIAXIS: HidDeviceInfo = { vendorId: 0x10c4, productId: 0x0007, path: '/dev/hidraw4' };
const KEYBOARD: HidDeviceInfo = { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw0' };

describe('reader profile table', () => {
  it('ships the readers of the reference, each with a profile', () => {
    const table = shippedProfiles();
    expect(findProfile(table, { transport: 'hid', vendorId: 0x0400, productId: 0xc35a })?.profile).toBe('raw-interrupt');
    expect(findProfile(table, { transport: 'hid', vendorId: '10C4', productId: '0007' })?.profile).toBe('packet64');
    expect(findProfile(table, { transport: 'hid', vendorId: 0x0425, productId: 0x8159 })?.profile).toBe('unsupported');
  });

  it('takes an operator file that adds a model and overrides another', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'readers-'));
    const file = join(dir, 'readers.json');
    await writeFile(
      file,
      JSON.stringify({
        readers: [
          { vendorId: '1A86', productId: '7523', transport: 'serial', profile: 'serial', name: 'CH340 serial reader' },
          { vendorId: '0400', productId: 'C35A', transport: 'hid', profile: 'raw-interrupt', name: 'renamed', reportSize: 32 },
        ],
      }),
    );
    const table = await loadReaderProfiles(file);
    if (!table.ok) throw new Error(table.message);
    expect(findProfile(table.profiles, { transport: 'serial', vendorId: '1a86', productId: '7523' })?.name).toBe('CH340 serial reader');
    expect(findProfile(table.profiles, { transport: 'hid', vendorId: 0x0400, productId: 0xc35a })).toMatchObject({ name: 'renamed', reportSize: 32 });
  });

  it('says what is wrong with a bad operator file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'readers-'));
    const file = join(dir, 'readers.json');
    await writeFile(file, JSON.stringify({ readers: [{ vendorId: 'xyz', productId: '0001', transport: 'hid', profile: 'raw-interrupt', name: 'x' }] }));
    expect(await loadReaderProfiles(file)).toMatchObject({ ok: false, message: expect.stringContaining('readers.0.vendorId') });
    expect(await loadReaderProfiles(join(dir, 'missing.json'))).toMatchObject({ ok: false });
  });

  it('has udev rules for every VID:PID of the table', async () => {
    const rules = await readFile(new URL('../../../../resources/udev/99-credit-kiosk-readers.rules', import.meta.url), 'utf8');
    for (const p of shippedProfiles()) {
      expect(rules).toContain(`ATTRS{idVendor}=="${p.vendorId}", ATTRS{idProduct}=="${p.productId}"`);
    }
  });
});

describe('device watcher', () => {
  it('lists only known readers, with their profiles', async () => {
    const readers = await listAttachedReaders(shippedProfiles(), { listHid: async () => [KEYBOARD, C35A], listSerial: async () => [] });
    expect(readers).toEqual([
      { key: 'hid:/dev/hidraw3', transport: 'hid', path: '/dev/hidraw3', vendorId: '0400', productId: 'c35a', name: expect.any(String), profile: 'raw-interrupt', product: 'reader' },
    ]);
  });

  it('tells when readers appear and disappear, at its polling interval', async () => {
    const timers = createManualTimers();
    let attached: HidDeviceInfo[] = [];
    const watcher = createDeviceWatcher({ profiles: shippedProfiles(), lister: { listHid: async () => attached, listSerial: async () => [] }, intervalMs: 500, timers });
    const events: WatcherEvent[] = [];
    watcher.on((e) => events.push(e));
    await watcher.start();
    attached = [C35A];
    await timers.advance(500);
    attached = [];
    await timers.advance(500);
    watcher.stop();
    expect(events.map((e) => `${e.type} ${e.reader.productId}`)).toEqual(['attached c35a', 'detached c35a']);
  });

  it('chooses the configured reader, else the first drivable one', async () => {
    const readers = await listAttachedReaders(shippedProfiles(), { listHid: async () => [C35A, MIAXIS], listSerial: async () => [] });
    expect(chooseReader(readers)?.productId).toBe('c35a');
    expect(chooseReader(readers, '10c4:0007')?.productId).toBe('0007');
    expect(chooseReader(readers, '/dev/hidraw4')?.productId).toBe('0007');
    expect(chooseReader(readers, 'ffff:ffff')?.productId).toBe('c35a');
  });
});

describe('USB card reader (device hop replaced by the simulator)', () => {
  it('finds a reader plugged in after start, reads a card, and notices it unplugged', async () => {
    const timers = createManualTimers();
    const device = new SimulatedDevice({ profile: 'raw-interrupt', timers });
    let attached: HidDeviceInfo[] = [];
    const { reader } = await createUsbCardReader({
      timers,
      watchIntervalMs: 500,
      lister: { listHid: async () => attached, listSerial: async () => [] },
      openPort: async () => {
        const port = device.open();
        if (!port) throw new Error('gone');
        return port;
      },
    });
    const events: CardReaderEvent[] = [];
    reader.on((e) => events.push(e));
    await reader.start();
    await timers.advance(3000);
    expect(events).toEqual([]);

    attached = [C35A];
    await timers.advance(2000);
    device.placeCard(SAMPLE_RESIDENT_CARD);
    await timers.advance(2000);
    device.unplug();
    attached = [];
    await timers.advance(3000);
    await reader.stop();
    expect(events.map((e) => e.type)).toEqual(['connected', 'card-inserted', 'card-removed', 'disconnected']);
    expect(events[0]).toMatchObject({ info: { profile: 'raw-interrupt', simulated: false } });
  });
});
