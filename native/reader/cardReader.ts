// The reader as the services see it: a source of card events, whatever the
// transport (USB HID profile, serial, or the byte-level simulator).
import type { ErrorCode } from '../../src-main/common/contract/errorCodes';
import type { IdCard } from '../../src-main/common/domain/idCard';

export interface ReaderInfo {
  name: string;
  /** Transport profile id, e.g. 'raw-interrupt', 'packet64', 'feature-length', 'serial'. */
  profile: string;
  simulated: boolean;
}

export type CardReaderEvent =
  | { type: 'connected'; info: ReaderInfo }
  | { type: 'disconnected' }
  | { type: 'card-inserted'; card: IdCard }
  | { type: 'card-removed' }
  | { type: 'error'; code: ErrorCode; message: string };

export interface CardReader {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Subscribes; returns the unsubscribe function. */
  on(listener: (event: CardReaderEvent) => void): () => void;
}
