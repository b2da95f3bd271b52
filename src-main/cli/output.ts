// How every subcommand answers: JSON on stdout with --json, human text otherwise,
// and an exit code scripts can key on (0 ok, 1 a negative answer or failure, 2 usage).

export const EXIT_OK = 0;
export const EXIT_NEGATIVE = 1;
export const EXIT_USAGE = 2;

export interface OutputOptions {
  json?: boolean;
}

/** Prints a value: as one JSON document, or as the given human text. */
export function emit(options: OutputOptions, value: unknown, human: string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);
}

/** Prints an error ({"error": {code, message}} with --json, a line on stderr otherwise) and sets the exit code. */
export function emitError(options: OutputOptions, code: string, message: string, exitCode: number = EXIT_NEGATIVE): void {
  if (options.json) process.stdout.write(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`);
  else process.stderr.write(`credit-kiosk: ${message} [${code}]\n`);
  process.exitCode = exitCode;
}
