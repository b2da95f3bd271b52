// The child's side of a ChildLauncher channel. A child started by child_process.fork
// talks through process.send; one started by Electron's utilityProcess through
// process.parentPort, a global of that process (nothing is imported from electron).
// The child's code is the same under both.

export interface ParentChannel {
  onMessage(listener: (message: unknown) => void): void;
  send(message: unknown): void;
  /** Sends the final answer, after which the process ends (itself, or by the parent once the answer arrived). */
  sendLast(message: unknown): void;
  /** The parent went away without an answer: the child should stop. */
  onParentGone(listener: () => void): void;
}

/** What this process's parent port looks like when it is an Electron utility process. */
interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/** The channel to the process that started this one, or null when it was not started as a child. */
export function connectToParent(proc: NodeJS.Process = process): ParentChannel | null {
  const port = (proc as unknown as { parentPort?: UtilityParentPort }).parentPort;
  if (port) return utilityParent(port);
  const send = proc.send?.bind(proc);
  if (send) return forkedParent(proc, send);
  return null;
}

function utilityParent(port: UtilityParentPort): ParentChannel {
  return {
    onMessage: (listener) => void port.on('message', (event) => listener(event.data)),
    send: (message) => port.postMessage(message),
    // postMessage has no delivery callback: an exit right after it could drop the answer,
    // so the parent ends the process once the answer is in (applyInWorker does).
    sendLast: (message) => port.postMessage(message),
    // Chromium ends a utility process whose browser process has gone.
    onParentGone: () => undefined,
  };
}

function forkedParent(proc: NodeJS.Process, send: NonNullable<NodeJS.Process['send']>): ParentChannel {
  return {
    onMessage: (listener) => void proc.on('message', listener),
    send: (message) => void send(message),
    sendLast: (message) => void send(message, () => proc.exit(0)),
    onParentGone: (listener) => void proc.on('disconnect', listener),
  };
}
