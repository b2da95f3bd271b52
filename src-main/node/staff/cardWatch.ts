// The ID card on the counter's reader, as the staff service sees it: kept while the
// card lies there, wiped when it leaves. The screen never sends card data; it says
// "use the card" and the service reads it here (the card-inserted event is masked).
import type { IdCard } from '../../common/domain/idCard';

/** The part of native/reader's CardReader the staff service needs. */
export interface CardEvents {
  on(listener: (event: { type: string; card?: IdCard }) => void): () => void;
}

export class CardWatch {
  private card: IdCard | null = null;
  private readonly unsubscribe: () => void;

  constructor(reader: CardEvents | undefined) {
    this.unsubscribe =
      reader?.on((event) => {
        if (event.type === 'card-inserted' && event.card) this.card = { ...event.card };
        else if (event.type === 'card-removed' || event.type === 'disconnected') this.clear();
      }) ?? (() => undefined);
  }

  current(): IdCard | null {
    return this.card;
  }

  clear(): void {
    if (this.card) for (const key of Object.keys(this.card)) (this.card as unknown as Record<string, unknown>)[key] = undefined;
    this.card = null;
  }

  close(): void {
    this.unsubscribe();
    this.clear();
  }
}
