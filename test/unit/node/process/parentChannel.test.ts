// The child's side of the channel: the same child code talks through process.parentPort
// when Electron's utilityProcess started it, and through process.send when
// child_process.fork did.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { connectToParent } from '../../../../src-main/node/process/parentChannel';

class FakeParentPort extends EventEmitter {
  posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}

type FakeProcess = NodeJS.Process & { exits: number[]; fire(event: string, ...args: unknown[]): void };

function processLike(extra: Record<string, unknown>): FakeProcess {
  const proc = Object.assign(new EventEmitter(), extra, { exits: [] as number[] });
  (proc as unknown as { exit: (code: number) => void }).exit = (code) => void proc.exits.push(code);
  (proc as unknown as { fire: FakeProcess['fire'] }).fire = (event, ...args) => void proc.emit(event, ...args);
  return proc as unknown as FakeProcess;
}

describe('connectToParent', () => {
  it('in a utility process: reads the message events’ data, posts answers, and leaves ending to the parent', () => {
    const port = new FakeParentPort();
    const proc = processLike({ parentPort: port });
    const channel = connectToParent(proc)!;
    const got: unknown[] = [];
    channel.onMessage((m) => got.push(m));
    port.emit('message', { data: { cacheFile: 'c.sqlite' }, ports: [] });
    expect(got).toEqual([{ cacheFile: 'c.sqlite' }]);
    channel.send({ type: 'progress', done: 1, total: 2 });
    channel.sendLast({ type: 'done' });
    expect(port.posted).toEqual([{ type: 'progress', done: 1, total: 2 }, { type: 'done' }]);
    expect(proc.exits).toEqual([]);
  });

  it('in a forked child: sends over IPC and exits once the last answer is flushed; stops when the parent goes', () => {
    const sent: unknown[] = [];
    const proc = processLike({
      send: (message: unknown, callback?: () => void) => {
        sent.push(message);
        callback?.();
        return true;
      },
    });
    const channel = connectToParent(proc)!;
    const got: unknown[] = [];
    channel.onMessage((m) => got.push(m));
    proc.fire('message', { cacheFile: 'c.sqlite' });
    expect(got).toEqual([{ cacheFile: 'c.sqlite' }]);
    channel.sendLast({ type: 'done' });
    expect(sent).toEqual([{ type: 'done' }]);
    expect(proc.exits).toEqual([0]);
    let gone = 0;
    channel.onParentGone(() => gone++);
    proc.fire('disconnect');
    expect(gone).toBe(1);
  });

  it('is null in a process nobody started as a child', () => {
    expect(connectToParent(processLike({}))).toBeNull();
  });
});
