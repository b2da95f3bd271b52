// The Node implementation of ChildLauncher: child_process.fork with an IPC channel
// that carries structured clones. Used wherever the kiosk runs on a plain Node.
import { fork } from 'node:child_process';
import { childHandle, type ChildLauncher } from './childLauncher';

export const forkLauncher: ChildLauncher = ({ script, execArgv }) => {
  const child = fork(script, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return childHandle(child, {
    onGone: (listener) => {
      let gone = false;
      const once = (reason: string): void => {
        if (gone) return;
        gone = true;
        listener(reason);
      };
      child.once('error', (err) => once(err.message));
      // 'close', not 'exit': it comes after the IPC channel has delivered the last message.
      child.once('close', (code, signal) => once(signal ? `signal ${signal}` : `exit code ${code ?? '?'}`));
    },
    send: (message) => void child.send(message as Parameters<typeof child.send>[0]),
    kill: () => void child.kill(),
  });
};
