// The reader loop: turns a transport into card events.
//   connect → SAM status (reset if unhappy) → `connected`
//   every poll: find (20 01); a new card → select (20 02) → read (30 01) → `card-inserted`
//   finds failing `removalMisses` times after a read → `card-removed`
// Every exchange has a timeout; link failures back off and, repeated, reconnect.
// One placement gives one `card-inserted`: a card stays "present" (or "failed")
// until finds say it has gone. A card that is still found is read again on every
// poll and its identity compared: a card swapped faster than two empty finds is
// another person, so the loop says `card-removed` then `card-inserted` at once.
import type { ErrorCode } from '../../src-main/common/contract/errorCodes';
import type { IdCard } from '../../src-main/common/domain/idCard';
import type { CardReader, CardReaderEvent, ReaderInfo } from './cardReader';
import { cardFromReadDataWithPhoto } from './cardFromRead';
import { Deframer } from './deframer';
import { createEmitter } from './emitter';
import type { PhotoDecoder } from './photo';
import { SAM_COMMANDS, type SamCommand } from './samCommands';
import { decodeResponse, encodeRequest, MIN_RESPONSE_LEN, type SamResponse } from './samFrame';
import { samStatus, samStatusText } from './samStatus';
import { systemTimers, type TimerHandle, type Timers } from './timers';
import type { ReaderTransport } from './transports/transport';

export interface ConnectedReader {
  transport: ReaderTransport;
  info: ReaderInfo;
}

export interface ReaderLoopOptions {
  /** Opens the reader; resolves null while none is attached (the loop asks again later). */
  connect(): Promise<ConnectedReader | null>;
  timers?: Timers;
  /** Pause between finds. */
  pollIntervalMs?: number;
  /** Pause between attempts to open a reader while none is attached. */
  reconnectIntervalMs?: number;
  exchangeTimeoutMs?: number;
  /** Reading text + photo takes the SAM longest. */
  readTimeoutMs?: number;
  /** Failed finds in a row, after a read, that mean the card has gone. */
  removalMisses?: number;
  /** Set false for readers whose cards stay silent after a read while still lying there; the loop then re-arms without a `card-removed`. */
  announceRemoval?: boolean;
  /** Tries per placement before `error CARD_UNREADABLE`. */
  readAttempts?: number;
  /** Link failures (timeouts, broken frames, SAM faults) in a row before the reader is reopened. */
  failuresBeforeReconnect?: number;
  maxBackoffMs?: number;
  photoDecoder?: PhotoDecoder;
}

type Exchange =
  | { ok: true; response: SamResponse }
  | { ok: false; kind: 'timeout' | 'frame' | 'closed' | 'write'; message: string };

interface Connection extends ConnectedReader {
  lost: boolean;
  unsubscribe: (() => void)[];
}

interface Pending {
  finish(result: Exchange): void;
}

export const READER_LOOP_DEFAULTS = {
  pollIntervalMs: 250,
  reconnectIntervalMs: 1000,
  exchangeTimeoutMs: 1000,
  readTimeoutMs: 3000,
  removalMisses: 2,
  readAttempts: 3,
  failuresBeforeReconnect: 3,
  maxBackoffMs: 4000,
} as const;

export function createReaderLoop(options: ReaderLoopOptions): CardReader {
  return new ReaderLoop(options);
}

class ReaderLoop implements CardReader {
  private readonly timers: Timers;
  private readonly o: Required<Omit<ReaderLoopOptions, 'photoDecoder' | 'timers' | 'connect'>>;
  private readonly events = createEmitter<CardReaderEvent>();
  private readonly deframer = new Deframer({ minLen: MIN_RESPONSE_LEN });
  private timer: TimerHandle | undefined;
  private running = false;
  private busy = false;
  private conn: Connection | undefined;
  private announced = false;
  private pending: Pending | undefined;
  private card: 'absent' | 'present' | 'failed' = 'absent';
  /** Identity of the card last announced by `card-inserted` and not yet by `card-removed`. */
  private announcedCard: string | undefined;
  private misses = 0;
  private attempts = 0;
  private failures = 0;
  private lastReaderError: string | undefined;

  constructor(private readonly options: ReaderLoopOptions) {
    this.timers = options.timers ?? systemTimers();
    this.o = { ...READER_LOOP_DEFAULTS, announceRemoval: true, ...stripUndefined(options) };
  }

  on(listener: (event: CardReaderEvent) => void): () => void {
    return this.events.on(listener);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Closes the reader quietly: no events after stop(). */
  async stop(): Promise<void> {
    this.running = false;
    this.timers.clearTimeout(this.timer);
    await this.dropConnection();
  }

  private emit(event: CardReaderEvent): void {
    if (this.running) this.events.emit(event);
  }

  private schedule(ms: number): void {
    this.timers.clearTimeout(this.timer);
    if (this.running) this.timer = this.timers.setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    if (!this.running || this.busy) return;
    this.busy = true;
    let next: number;
    try {
      if (this.conn?.lost) next = await this.onDisconnected();
      else next = this.conn ? await this.poll() : await this.open();
    } catch (error) {
      // Defensive: the loop must outlive any bug in a decoder or listener.
      this.emit({ type: 'error', code: 'INTERNAL', message: `reader loop: ${String(error)}` });
      next = this.backoff();
    } finally {
      this.busy = false;
    }
    this.schedule(next);
  }

  // ---- connection ----

  private async open(): Promise<number> {
    let connected: ConnectedReader | null = null;
    try {
      connected = await this.options.connect();
    } catch (error) {
      this.readerError('READER_UNAVAILABLE', `cannot open the reader: ${String(error)}`);
    }
    if (!connected) return this.o.reconnectIntervalMs;
    if (!this.running) {
      await connected.transport.close().catch(() => undefined);
      return this.o.reconnectIntervalMs;
    }
    const conn: Connection = { ...connected, lost: false, unsubscribe: [] };
    this.conn = conn;
    this.deframer.reset();
    conn.unsubscribe.push(
      conn.transport.onData((chunk) => this.onData(chunk)),
      conn.transport.onClose(() => {
        conn.lost = true;
        this.pending?.finish({ ok: false, kind: 'closed', message: 'the reader went away' });
        if (!this.busy && this.conn === conn) this.schedule(0);
      }),
    );
    const init = await this.initSam();
    if (!init.ok) {
      this.readerError(init.code, init.message);
      await this.dropConnection();
      this.failures++;
      return this.backoff(this.o.reconnectIntervalMs);
    }
    this.failures = 0;
    this.lastReaderError = undefined;
    this.announced = true;
    this.emit({ type: 'connected', info: conn.info });
    return 0;
  }

  /** SAM status; if the SAM is unhappy, reset it once and ask again. */
  private async initSam(): Promise<{ ok: true } | { ok: false; code: ErrorCode; message: string }> {
    for (const step of [[SAM_COMMANDS.status], [SAM_COMMANDS.reset, SAM_COMMANDS.status]]) {
      let last: Exchange | undefined;
      for (const command of step) last = await this.exchange(command, this.o.exchangeTimeoutMs);
      if (last?.ok && last.response.sw3 === 0x90) return { ok: true };
      if (last && !last.ok && last.kind === 'closed') return { ok: false, code: 'READER_UNAVAILABLE', message: last.message };
    }
    return { ok: false, code: 'READER_UNAVAILABLE', message: 'the SAM does not answer its status request' };
  }

  private async onDisconnected(): Promise<number> {
    const hadCard = this.card !== 'absent';
    const wasAnnounced = this.announced;
    await this.dropConnection();
    // A reader gone means the card can no longer vouch for the session: say both.
    if (hadCard) this.emit({ type: 'card-removed' });
    if (wasAnnounced) this.emit({ type: 'disconnected' });
    return this.o.reconnectIntervalMs;
  }

  private async dropConnection(): Promise<void> {
    const conn = this.conn;
    this.conn = undefined;
    this.announced = false;
    this.card = 'absent';
    this.announcedCard = undefined;
    this.misses = 0;
    this.attempts = 0;
    this.deframer.reset();
    this.pending?.finish({ ok: false, kind: 'closed', message: 'the reader was closed' });
    if (!conn) return;
    for (const off of conn.unsubscribe) off();
    await conn.transport.close().catch(() => undefined);
  }

  // ---- polling ----

  private async poll(): Promise<number> {
    const find = await this.exchange(SAM_COMMANDS.find, this.o.exchangeTimeoutMs);
    if (!find.ok) return this.onLinkFailure(find);
    const sw3 = find.response.sw3;
    if (sw3 === 0x9f) {
      this.failures = 0;
      this.misses = 0;
      // A card given up on is not tried again until it leaves (its screen asks for that).
      if (this.card === 'failed') return this.o.pollIntervalMs;
      return this.readPlacedCard();
    }
    if (sw3 === 0x80) {
      this.failures = 0;
      this.lastReaderError = undefined;
      if (this.card === 'absent') this.attempts = 0;
      else if (++this.misses >= this.o.removalMisses) {
        this.card = 'absent';
        this.misses = 0;
        this.attempts = 0;
        // An unreadable card lifted is news too: its screen asked for exactly that.
        if (this.o.announceRemoval) this.announceRemoval();
      }
      return this.o.pollIntervalMs;
    }
    const status = samStatus(sw3);
    return this.onLinkFailure({ ok: false, kind: 'frame', message: `find card: ${samStatusText(sw3)}` }, status.errorCode);
  }

  /**
   * Reads the card that answered a find. For a card already present this is the
   * identity check: a failure then says nothing new at first (the card may be
   * moving), a different identity is a new placement.
   */
  private async readPlacedCard(): Promise<number> {
    const settled = this.card === 'present';
    const select = await this.exchange(SAM_COMMANDS.select, this.o.exchangeTimeoutMs);
    if (!select.ok) return settled ? this.onLinkFailure(select) : this.onReadGlitch(select);
    if (select.response.sw3 !== 0x90) {
      const message = `select card: ${samStatusText(select.response.sw3)}`;
      return settled ? this.onRecheckFailure(message) : this.onCardFailure(select.response.sw3, message);
    }
    const read = await this.exchange(SAM_COMMANDS.read, this.o.readTimeoutMs);
    if (!read.ok) return settled ? this.onLinkFailure(read) : this.onReadGlitch(read);
    if (read.response.sw3 !== 0x90) {
      const message = `read card: ${samStatusText(read.response.sw3)}`;
      return settled ? this.onRecheckFailure(message) : this.onCardFailure(read.response.sw3, message);
    }
    const result = await cardFromReadDataWithPhoto(read.response.data, this.options.photoDecoder);
    if (!this.running || !this.conn || this.conn.lost) return 0;
    if (!result.ok) {
      if (settled) return this.onRecheckFailure(`read card: ${result.error.message}`);
      if (result.error.code === 'CARD_UNSUPPORTED') return this.giveUpOnCard('CARD_UNSUPPORTED', result.error.message);
      return this.onCardFailure(undefined, `read card: ${result.error.message}`);
    }
    const identity = cardIdentity(result.card);
    if (this.card === 'present' && identity === this.announcedCard) {
      this.attempts = 0;
      return this.o.pollIntervalMs;
    }
    // Another card took this one's place between two polls: the first person's session ends first.
    if (this.announcedCard !== undefined && identity !== this.announcedCard) this.announceRemoval();
    this.card = 'present';
    this.announcedCard = identity;
    this.attempts = 0;
    this.emit({ type: 'card-inserted', card: result.card });
    return this.o.pollIntervalMs;
  }

  /**
   * The present card failed its identity check. A few failures may be a hand moving
   * it; more mean the card lying there can no longer be shown to be the announced
   * one, so its session ends.
   */
  private onRecheckFailure(message: string): number {
    if (++this.attempts < this.o.readAttempts) return this.o.pollIntervalMs;
    this.announceRemoval();
    return this.giveUpOnCard('CARD_UNREADABLE', message);
  }

  private announceRemoval(): void {
    this.announcedCard = undefined;
    this.emit({ type: 'card-removed' });
  }

  /** The card answered but not well: try again on the next poll, give up after readAttempts. */
  private onCardFailure(sw3: number | undefined, message: string): number {
    if (sw3 === 0x40) return this.giveUpOnCard('CARD_UNSUPPORTED', message);
    if (++this.attempts >= this.o.readAttempts) {
      return this.giveUpOnCard((sw3 !== undefined ? samStatus(sw3).errorCode : undefined) ?? 'CARD_UNREADABLE', message);
    }
    return this.o.pollIntervalMs;
  }

  /** The link failed in the middle of a read: counts against both the card and the link. */
  private async onReadGlitch(failure: Exchange & { ok: false }): Promise<number> {
    if (failure.kind !== 'closed' && ++this.attempts >= this.o.readAttempts) {
      this.giveUpOnCard('CARD_UNREADABLE', `read card: ${failure.message}`);
    }
    return this.onLinkFailure(failure);
  }

  /** Until this card leaves, do not try it again (the screen asks for it to be placed again). */
  private giveUpOnCard(code: ErrorCode, message: string): number {
    this.card = 'failed';
    this.attempts = 0;
    this.emit({ type: 'error', code, message });
    return this.o.pollIntervalMs;
  }

  private async onLinkFailure(failure: Exchange & { ok: false }, code: ErrorCode = 'READER_UNAVAILABLE'): Promise<number> {
    if (failure.kind === 'closed') return this.onDisconnected();
    this.failures++;
    if (this.failures >= this.o.failuresBeforeReconnect) {
      this.readerError(code, failure.message);
      this.failures = 0;
      await this.onDisconnected();
      return this.backoff(this.o.reconnectIntervalMs);
    }
    return this.backoff();
  }

  private backoff(base: number = this.o.pollIntervalMs): number {
    return Math.min(this.o.maxBackoffMs, base * 2 ** Math.min(this.failures, 8));
  }

  /** Reader-level errors repeat while a fault lasts; tell listeners once per fault. */
  private readerError(code: ErrorCode, message: string): void {
    const key = `${code} ${message}`;
    if (key === this.lastReaderError) return;
    this.lastReaderError = key;
    this.emit({ type: 'error', code, message });
  }

  // ---- exchanges ----

  private exchange(command: SamCommand, timeoutMs: number): Promise<Exchange> {
    const conn = this.conn;
    if (!conn || conn.lost) return Promise.resolve({ ok: false, kind: 'closed', message: 'no reader' });
    // Whatever is left of an earlier reply is stale now.
    this.deframer.reset();
    return new Promise<Exchange>((resolve) => {
      let done = false;
      const pending: Pending = {
        finish: (result) => {
          if (done) return;
          done = true;
          this.timers.clearTimeout(timer);
          if (this.pending === pending) this.pending = undefined;
          resolve(result);
        },
      };
      const timer = this.timers.setTimeout(() => {
        this.deframer.reset();
        pending.finish({ ok: false, kind: 'timeout', message: `${command.name}: no reply within ${timeoutMs} ms` });
      }, timeoutMs);
      this.pending = pending;
      conn.transport.write(encodeRequest(command)).catch((error: unknown) => {
        pending.finish({ ok: false, kind: 'write', message: `${command.name}: ${String(error)}` });
      });
    });
  }

  private onData(chunk: Uint8Array): void {
    for (const out of this.deframer.push(chunk)) {
      const pending = this.pending;
      if (!pending) continue; // a reply nobody waits for any more (after a timeout)
      if (out.type === 'error') {
        pending.finish({ ok: false, kind: 'frame', message: out.error.message });
        continue;
      }
      const response = decodeResponse(out.frame);
      pending.finish(response.ok ? { ok: true, response: response.value } : { ok: false, kind: 'frame', message: response.error.message });
    }
  }
}

/** Who the card is for: the same person's card read twice compares equal, another's never. */
function cardIdentity(card: IdCard): string {
  return [card.type, card.idNumber, card.name, card.validFrom].join('\u0000');
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
