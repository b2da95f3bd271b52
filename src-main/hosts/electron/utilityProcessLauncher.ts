// The Electron implementation of ChildLauncher: Electron's utilityProcess, a Node
// child that Chromium starts from the kiosk binary itself. child_process.fork would
// need the RunAsNode fuse (ELECTRON_RUN_AS_NODE), which turns the signed binary into a
// general Node interpreter; with this launcher that fuse stays off.
import { utilityProcess } from 'electron';
import { childHandle, type ChildLauncher } from '../../node/process/childLauncher';

/** Only after app 'ready' (Electron's rule for utilityProcess.fork); the runtime starts children later still. */
export const utilityProcessLauncher: ChildLauncher = ({ script, execArgv, name }) => {
  const child = utilityProcess.fork(script, [], { execArgv, serviceName: name, stdio: 'inherit' });
  // An 'error' event nobody listens to would throw in the kiosk's main process; 'exit' follows it.
  let fatal = '';
  child.on('error', (type, location) => {
    fatal = ` after ${type} at ${location}`;
  });
  return childHandle(child, {
    // 'exit' also follows a child that could not load its script.
    onGone: (listener) => void child.once('exit', (code) => listener(`exit code ${code}${fatal}`)),
    send: (message) => child.postMessage(message),
    kill: () => void child.kill(),
  });
};
