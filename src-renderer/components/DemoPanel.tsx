// Demo mode only: stands in for a hand placing a card on the (simulated) reader.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { DemoCardView } from '../../src-main/common/contract/views';

export function DemoPanel({ api }: { api: KioskApi }) {
  const { t } = useTranslation();
  const [cards, setCards] = useState<DemoCardView[]>([]);
  useEffect(() => {
    void api.listDemoCards({}).then((r) => r.ok && setCards(r.value));
  }, [api]);
  if (cards.length === 0) return null;
  return (
    <aside className="demo-panel" aria-label={t('demo.title')} data-testid="demo-panel">
      <h2>{t('demo.title')}</h2>
      <p className="demo-hint">{t('demo.hint')}</p>
      <div className="demo-cards">
        {cards.map((card) => (
          <button key={card.id} type="button" className="demo-card" data-testid={`demo-card-${card.id}`} onClick={() => void api.placeDemoCard({ cardId: card.id })}>
            {t('demo.place')} · {card.label}
          </button>
        ))}
        <button type="button" className="demo-card remove" data-testid="demo-remove" onClick={() => void api.removeDemoCard({})}>
          {t('demo.remove')}
        </button>
 <button type="button" className="demo-card remove" data-testid="demo-fault-on" onClick={() => void api.setDemoReadFault({ fault: 'unreadable' })}>
          {t('demo.faultOn')}
        </button>
        <button type="button" className="demo-card" data-testid="demo-fault-off" onClick={() => void api.setDemoReadFault({ fault: 'none' })}>
          {t('demo.faultOff')}
        </button>
        <button type="button" className="demo-card remove" data-testid="demo-unplug" onClick={() => void api.setDemoReader({ connected: false })}>
          {t('demo.unplug')}
        </button>
        <button type="button" className="demo-card" data-testid="demo-plug" onClick={() => void api.setDemoReader({ connected: true })}>
          {t('demo.plug')}
        </button>
      </div>
    </aside>
  );
}
