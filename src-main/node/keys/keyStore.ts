// The kiosk's secrets — the cache master key, the report-signing key, the subject key
// behind every keyed hash of a personal code, the staff PIN pepper — behind one
// interface, so none has to sit in clear beside the data it protects. Which backend
// holds them is configuration (config `keys`, openKeyStore): the plain file store is
// the development default; production uses one that the OS protects.

/** Every secret the kiosk keeps, by name. */
export type KeyName = 'cache' | 'report-signing' | 'subject' | 'pin-pepper';
export const KEY_NAMES: readonly KeyName[] = ['cache', 'report-signing', 'subject', 'pin-pepper'];

export type KeyBackend = 'file' | 'safe-storage' | 'systemd-creds' | 'key-file';

export interface KeyStore {
  readonly backend: KeyBackend;
  /**
   * The secret's bytes as its user stored them (hex text, a PEM), created by `create`
   * on first use. Two processes starting together end with the same secret.
   */
  ensure(name: KeyName, create: () => Buffer): Buffer;
}

export class KeyStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeyStoreError';
  }
}
