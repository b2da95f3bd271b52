// Structured logs (pino). Personal data never reaches a log in clear: callers log
// masked values, and every argument passes redactForLog — fields named for personal
// data or secrets censored at any depth, ID-number-, USCC- and phone-shaped text masked.
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { redactForLog } from './redaction';
import { DEFAULT_LOG_RETENTION, RotatingLogFile, type LogRetention } from './rotatingFile';

export type { Logger } from 'pino';
export type { LogRetention } from './rotatingFile';

export interface LoggerOptions {
  /** Folder for kiosk.log; omitted → stderr only. */
  logDir?: string;
  level?: string;
  retention?: LogRetention;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.CREDIT_KIOSK_LOG_LEVEL ?? 'info';
  const settings: pino.LoggerOptions = {
    level,
    hooks: {
      logMethod(args, method) {
        // pino would serialise an Error under `err`; keep that shape after redaction.
        const [first, ...rest] = args;
        const head = first instanceof Error ? { err: redactForLog(first) } : redactForLog(first);
        method.apply(this, [head, ...rest.map((a) => redactForLog(a))] as Parameters<typeof method>);
      },
    },
  };
  if (!options.logDir) return pino(settings, pino.destination({ fd: 2, sync: true }));
  return pino(settings, new RotatingLogFile(path.join(options.logDir, 'kiosk.log'), options.retention ?? DEFAULT_LOG_RETENTION));
}

/** A logger that drops everything: for CLI commands that print their own output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
