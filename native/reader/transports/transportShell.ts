// The parts every transport shares: listener lists and closing exactly once.
import { createEmitter } from '../emitter';
import type { ProfileId, ReaderTransport } from './transport';

export interface TransportShell {
  readonly transport: Omit<ReaderTransport, 'write'>;
  readonly closed: boolean;
  data(chunk: Uint8Array): void;
  /** Marks the transport closed (once) and tells listeners. */
  closeWith(error?: Error): void;
}

export function createTransportShell(profile: ProfileId, closePort: () => Promise<void>): TransportShell {
  const data = createEmitter<Uint8Array>();
  const closed = createEmitter<Error | undefined>();
  let isClosed = false;
  const closeWith = (error?: Error): void => {
    if (isClosed) return;
    isClosed = true;
    closed.emit(error);
  };
  return {
    transport: {
      profile,
      onData: (listener) => data.on(listener),
      onClose: (listener) => closed.on(listener),
      async close() {
        const wasClosed = isClosed;
        closeWith();
        if (!wasClosed) await closePort().catch(() => undefined);
      },
    },
    get closed() {
      return isClosed;
    },
    data: (chunk) => {
      if (!isClosed) data.emit(chunk);
    },
    closeWith,
  };
}

export function closedError(profile: string): Error {
  return new Error(`${profile} transport is closed`);
}
