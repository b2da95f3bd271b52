// Why a store file could not be opened, Chinese first (an operator reads these).
export type StoreErrorCode = 'STORE_CORRUPT' | 'STORE_NEWER' | 'STORE_UNAVAILABLE';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
