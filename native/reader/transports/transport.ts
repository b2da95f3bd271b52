// What the reader loop talks to, and what the transports are built on.
//
// ReaderTransport carries SAM frames: write one request frame, receive the reply
// as a byte stream with any vendor wrapping already removed (so one de-framer
// serves every profile). HidPort and BytePort are the device hop below it —
// node-hid / serialport for real readers, the simulator for demo and tests.

export const PROFILE_IDS = ['raw-interrupt', 'packet64', 'feature-length', 'serial'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export interface ReaderTransport {
  readonly profile: ProfileId;
  /** Sends one whole SAM request frame. Rejects when the device is gone. */
  write(frame: Uint8Array): Promise<void>;
  /** Reply bytes in arbitrary pieces, vendor wrapping removed. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Fired once when the device goes away (unplug, I/O error) or close() is called. */
  onClose(listener: (error?: Error) => void): () => void;
  close(): Promise<void>;
}

/** A HID device. Report payloads exclude the report-ID byte (report 0 is implied). */
export interface HidPort {
  write(report: Uint8Array): Promise<void>;
  sendFeatureReport(payload: Uint8Array): Promise<void>;
  getFeatureReport(length: number): Promise<Uint8Array>;
  onReport(listener: (report: Uint8Array) => void): () => void;
  onError(listener: (error: Error) => void): () => void;
  close(): Promise<void>;
}

/** A byte stream device: a serial port. */
export interface BytePort {
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  onClose(listener: (error?: Error) => void): () => void;
  close(): Promise<void>;
}

/** Splits bytes into fixed-size reports, zero-padding the last (the de-framer skips the padding). */
export function splitIntoReports(bytes: Uint8Array, reportSize: number): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += reportSize) {
    const report = new Uint8Array(reportSize);
    report.set(bytes.subarray(i, Math.min(bytes.length, i + reportSize)));
    reports.push(report);
  }
  return reports;
}
