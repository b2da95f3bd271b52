// `credit-kiosk decode-frame HEX [--json]`: decodes one SAM response frame given as
// hex (spaces allowed). Exit 0 for a success status (90, 9F), 1 for any other
// status or a malformed frame, 2 when no frame is given.
import type { Command } from 'commander';
import type { IdCard } from '../../common/domain/idCard';
import { cardFromReadData } from '../../../native/reader/cardFromRead';
import { parseHex } from '../../../native/reader/hex';
import { summarisePhoto } from '../../../native/reader/photo';
import { CARD_TEXT_LENGTH } from '../../../native/reader/readPayload';
import { decodeResponse } from '../../../native/reader/samFrame';
import { samStatus, samStatusText } from '../../../native/reader/samStatus';
import { emit, emitError, EXIT_NEGATIVE, EXIT_OK, EXIT_USAGE, type OutputOptions } from '../output';

const SUCCESS = new Set([0x90, 0x9f]);

export function register(program: Command): void {
  program
    .command('decode-frame')
    .description('decode one ID card reader (SAM) response frame given as hex, spaces allowed')
    // Optional so that a missing frame is answered by us, as a usage error (exit 2) in the --json shape.
    .argument('[hex...]', 'the frame, e.g. "AA AA AA 96 69 00 04 00 00 80 84"')
    .option('--json', 'print JSON')
    .action((parts: string[], options: OutputOptions) => decodeFrameCommand(parts.join(' '), options));
}

export function decodeFrameCommand(hex: string, options: OutputOptions): void {
  if (hex.trim() === '') return emitError(options, 'MISSING_ARGUMENT', 'decode-frame needs a frame as hex', EXIT_USAGE);
  const bytes = parseHex(hex);
  if (!bytes) return emitError(options, 'FRAME_NOT_HEX', 'not hex: give pairs of hex digits, spaces allowed');
  const decoded = decodeResponse(bytes);
  if (!decoded.ok) return emitError(options, decoded.error.code, decoded.error.message);
  const { sw3, data } = decoded.value;
  const status = samStatus(sw3).hex;
  if (!SUCCESS.has(sw3)) {
    emit(options, { status, statusText: samStatusText(sw3) }, `SW3 ${status}: ${samStatusText(sw3)}`);
    process.exitCode = EXIT_NEGATIVE;
    return;
  }
  if (!isReadPayload(data)) {
    emit(options, { status, statusText: samStatusText(sw3) }, `SW3 ${status}: ${samStatusText(sw3)}${data.length ? ` (${data.length} data bytes)` : ''}`);
    process.exitCode = EXIT_OK;
    return;
  }
  const read = cardFromReadData(data);
  if (!read.ok) return emitError(options, read.error.code, read.error.message);
  const card = { ...read.card, photo: summarisePhoto(read.card.photo) };
  emit(options, { status, card }, describeCard(status, read.card));
  process.exitCode = EXIT_OK;
}

/** A read reply's data starts with the text length, 0x0100. */
function isReadPayload(data: Uint8Array): boolean {
  return data.length >= 4 && ((data[0]! << 8) | data[1]!) === CARD_TEXT_LENGTH;
}

function describeCard(status: string, card: IdCard): string {
  const rows: [string, string | undefined][] = [
    ['类型 type', card.type],
    ['姓名 name', card.name],
    ['英文名 English name', card.nameEn],
    ['性别 sex', `${card.sex} (${card.sexCode})`],
    ['民族 nation', card.nation ?? card.nationCode],
    ['出生 born', card.birthDate],
    ['住址 address', card.address],
    ['号码 number', `${card.idNumber}${card.idNumberValid ? '' : '  (check fails / 校验不通过)'}`],
    ['签发机关 issuer', card.issuer],
    ['有效期 valid', `${card.validFrom} – ${card.validTo}`],
    ['通行证号 pass', card.passNumber],
    ['签发次数 issued', card.issueCount],
    ['国籍 nationality', card.nationality],
    ['换证次数 renewals', card.renewalCount],
    ['照片 photo', card.photo ? `${card.photo.format}, ${card.photo.decoded ? 'decoded' : 'not decoded (vendor library needed)'}` : undefined],
  ];
  return [`SW3 ${status}`, ...rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k.padEnd(22)} ${v}`)].join('\n');
}
