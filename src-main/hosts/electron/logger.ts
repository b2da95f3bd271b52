// What the host logs through. Host lines carry reasons and codes, never personal data.
export interface HostLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const consoleLogger: HostLogger = {
  info: (message, fields) => console.info(`[electron-host] ${message}`, fields ?? ''),
  warn: (message, fields) => console.warn(`[electron-host] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[electron-host] ${message}`, fields ?? ''),
};
