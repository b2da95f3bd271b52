// SW3, the SAM's status byte, as stable codes with Chinese and English text, and
// the contract ErrorCode a screen should show for it (none for normal states).
import type { ErrorCode } from '../../src-main/common/contract/errorCodes';

export interface SamStatus {
  sw3: number;
  /** Two hex digits, as printed by `decode-frame` ("90", "9F", "80"). */
  hex: string;
  code: string;
  zh: string;
  en: string;
  /** What the kiosk reports upward; absent for success and plain "no card". */
  errorCode?: ErrorCode;
}

type Row = [sw3: number, code: string, zh: string, en: string, errorCode?: ErrorCode];

const ROWS: Row[] = [
  [0x90, 'OK', '操作成功', 'success'],
  [0x9f, 'CARD_FOUND', '找卡成功', 'card found'],
  [0x10, 'SAM_CHECKSUM_ERROR', '接收业务终端数据的校验和错', 'checksum error in the request', 'READER_UNAVAILABLE'],
  [0x11, 'SAM_LENGTH_ERROR', '接收业务终端数据的长度错', 'length error in the request', 'READER_UNAVAILABLE'],
  [0x21, 'SAM_COMMAND_ERROR', '接收业务终端的命令错误', 'command error', 'READER_UNAVAILABLE'],
  [0x23, 'SAM_UNAUTHORISED_OPERATION', '越权操作', 'unauthorised operation', 'READER_UNAVAILABLE'],
  [0x24, 'SAM_UNRECOGNISED_ERROR', '无法识别的错误', 'unrecognised error', 'READER_UNAVAILABLE'],
  [0x31, 'CARD_AUTH_SAM_FAILED', '证/卡认证机具失败', 'the card failed to authenticate the SAM', 'CARD_UNREADABLE'],
  [0x32, 'SAM_AUTH_CARD_FAILED', '机具认证证/卡失败', 'the SAM failed to authenticate the card', 'CARD_UNREADABLE'],
  [0x33, 'INFO_VERIFY_FAILED', '信息验证错误', 'information verification error', 'CARD_UNREADABLE'],
  [0x40, 'UNKNOWN_CARD_TYPE', '无法识别的卡类型', 'unknown card type', 'CARD_UNSUPPORTED'],
  [0x41, 'CARD_READ_FAILED', '读证/卡操作失败', 'card read failed', 'CARD_UNREADABLE'],
  [0x47, 'RANDOM_NUMBER_FAILED', '取随机数失败', 'random number failure', 'CARD_UNREADABLE'],
  [0x60, 'SAM_SELF_TEST_FAILED', 'SAM 自检失败，不能接收命令', 'SAM self-test failed', 'READER_UNAVAILABLE'],
  [0x66, 'SAM_NOT_AUTHORISED', 'SAM 未经授权，无法使用', 'SAM not authorised', 'READER_UNAVAILABLE'],
  [0x80, 'NO_CARD', '找卡不成功（无卡）', 'find card failed (no card)'],
  [0x81, 'SELECT_FAILED', '选卡不成功', 'select card failed', 'CARD_UNREADABLE'],
  [0x91, 'NO_CONTENT', '无此项内容', 'no content'],
];

const BY_SW3 = new Map<number, SamStatus>(
  ROWS.map(([sw3, code, zh, en, errorCode]) => [sw3, { sw3, hex: hex2(sw3), code, zh, en, ...(errorCode ? { errorCode } : {}) }]),
);

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

/** Every SW3 gets an answer: unknown ones are named by their hex value. */
export function samStatus(sw3: number): SamStatus {
  return (
    BY_SW3.get(sw3) ?? {
      sw3,
      hex: hex2(sw3),
      code: `SAM_STATUS_${hex2(sw3)}`,
      zh: `未知状态 ${hex2(sw3)}`,
      en: `unknown status ${hex2(sw3)}`,
      errorCode: 'READER_UNAVAILABLE',
    }
  );
}

export function samStatusText(sw3: number): string {
  const s = samStatus(sw3);
  return `${s.zh} / ${s.en}`;
}

export const KNOWN_SAM_STATUSES: readonly SamStatus[] = [...BY_SW3.values()];
