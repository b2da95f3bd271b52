// How the kiosk starts a child process that runs one of its own scripts, with a
// message channel both ways. Under Node (CLI, web host, tests) that is
// child_process.fork (forkLauncher.ts); the Electron host injects its utilityProcess
// launcher instead, so the signed kiosk binary never has to run as a plain Node
// interpreter (the RunAsNode fuse stays off; docs/deploy-electron.md).

export interface ChildSpec {
  /** The child's entry script (a bundle in dist/main, or a .ts file with execArgv ['--import', 'tsx']). */
  script: string;
  /** Node options of the child: the parent's (e.g. --inspect) must not leak into it. */
  execArgv: string[];
  /** What the process is called in process lists (Electron's app metrics). */
  name: string;
}

export interface ChildProcessHandle {
  /** Once the child runs, with its process id (e.g. to lower its priority). */
  onSpawn(listener: (pid: number) => void): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, after the child's last message was delivered, or when it could not start: why, for the log. */
  onGone(listener: (reason: string) => void): void;
  /** Structured clone: bytes arrive as a Uint8Array, never on a command line. */
  send(message: unknown): void;
  kill(): void;
}

export type ChildLauncher = (spec: ChildSpec) => ChildProcessHandle;

/** What a forked child and a utility process have alike: a pid once spawned, 'spawn' and 'message' events. */
interface SpawningChild {
  readonly pid?: number | undefined;
  once(event: 'spawn', listener: () => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/** A handle over either kind of child; each launcher adds how it sends, ends and reports the end. */
export function childHandle(child: SpawningChild, rest: Pick<ChildProcessHandle, 'onGone' | 'send' | 'kill'>): ChildProcessHandle {
  return {
    onSpawn: (listener) => {
      child.once('spawn', () => {
        if (child.pid !== undefined) listener(child.pid);
      });
    },
    onMessage: (listener) => {
      child.on('message', listener);
    },
    ...rest,
  };
}
