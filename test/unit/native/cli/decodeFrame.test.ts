import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register as registerDecodeFrame } from '../../../../src-main/cli/commands/decodeFrame';
import { readersCommand } from '../../../../src-main/cli/commands/readers';
import { encodeCardText } from '../../../../native/reader/cardText';
import { toHex } from '../../../../native/reader/hex';
import { encodeReadPayload } from '../../../../native/reader/readPayload';
import { encodeResponse } from '../../../../native/reader/samFrame';
import { SAMPLE_HMT_CARD } from '../../../../native/reader/simulator/sampleCards';

/** Runs `credit-kiosk ...args` in-process; returns parsed stdout JSON and the exit code. */
async function run(...args: string[]): Promise<{ json: unknown; exitCode: number | undefined }> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
  try {
    const program = new Command('credit-kiosk').exitOverride();
    registerDecodeFrame(program);
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  const exitCode = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return { json: JSON.parse(out.join('')), exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('credit-kiosk decode-frame', () => {
  it('decodes a read reply to the card, with the photo summarised', async () => {
    const frame = encodeResponse({ sw3: 0x90, data: encodeReadPayload({ text: encodeCardText(SAMPLE_HMT_CARD), photo: new Uint8Array(1024) }) });
    const { json, exitCode } = await run('decode-frame', toHex(frame), '--json');
    expect(exitCode).toBe(0);
    expect(json).toEqual({ status: '90', card: { ...SAMPLE_HMT_CARD, photo: { format: 'wlt', decoded: false, bytes: 1024 } } });
  });

  it('accepts the frame split over several arguments', async () => {
    const { json, exitCode } = await run('decode-frame', 'AA', 'AA', 'AA', '96', '69', '00', '04', '00', '00', '80', '84', '--json');
    expect(json).toEqual({ status: '80', statusText: '找卡不成功（无卡） / find card failed (no card)' });
    expect(exitCode).toBe(1);
  });

  it.each([
    ['AA AA AA 96 69 00 04 00 00 80 85', 'FRAME_CHECKSUM'],
    ['AA AA AA 96 69 05 08 00 00 90', 'FRAME_TRUNCATED'],
    ['AA AA AA 96 69 FF FF 00', 'FRAME_LENGTH'],
    ['not hex at all', 'FRAME_NOT_HEX'],
  ])('refuses %s with %s', async (hex, code) => {
    const { json, exitCode } = await run('decode-frame', hex, '--json');
    expect(json).toEqual({ error: { code, message: expect.any(String) } });
    expect(exitCode).toBe(1);
  });

  it('is a usage error (exit 2) without a frame', async () => {
    const { json, exitCode } = await run('decode-frame', '--json');
    expect(json).toMatchObject({ error: { code: 'MISSING_ARGUMENT' } });
    expect(exitCode).toBe(2);
  });
});

describe('credit-kiosk readers', () => {
  it('lists attached readers with their profile and says why a list failed', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      await readersCommand(
        { json: true },
        {
          listHid: async () => [{ vendorId: 0x10c4, productId: 0x0007, path: 'hid-path-1' }],
          listSerial: async () => {
            throw new Error('permission denied');
          },
        },
      );
    } finally {
      spy.mockRestore();
    }
    expect(JSON.parse(out.join(''))).toEqual({
      readers: [expect.objectContaining({ vendorId: '10c4', productId: '0007', profile: 'packet64', path: 'hid-path-1' })],
      warnings: [expect.stringContaining('permission denied')],
    });
  });
});
