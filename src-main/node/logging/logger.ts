// Structured logs (pino). Personal data never reaches a log in clear: callers log
// masked values, and these redaction paths catch the fields that must never appear.
import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

const REDACT = [
  'card',
  '*.card',
  'idNumber',
  '*.idNumber',
  'name',
  '*.name',
  'address',
  '*.address',
  'photo',
  '*.photo',
  'pin',
  '*.pin',
  'key',
  '*.key',
  'token',
  '*.token',
];

export interface LoggerOptions {
  /** Folder for kiosk.log; omitted → stderr only. */
  logDir?: string;
  level?: string;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.CREDIT_KIOSK_LOG_LEVEL ?? 'info';
  const redact = { paths: REDACT, censor: '[redacted]' };
  if (!options.logDir) return pino({ level, redact }, pino.destination({ fd: 2, sync: false }));
  fs.mkdirSync(options.logDir, { recursive: true, mode: 0o700 });
  // Opened here, synchronously: pino flushes synchronously when the process exits, and a
  // file still opening in the background then throws ("sonic boom is not ready yet") over
  // the real reason of an early exit. Writes stay asynchronous.
  const fd = fs.openSync(path.join(options.logDir, 'kiosk.log'), 'a', 0o600);
  return pino({ level, redact }, pino.destination({ dest: fd, sync: false }));
}

/** A logger that drops everything: for CLI commands that print their own output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
