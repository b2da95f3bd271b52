// Which report an enterprise's 预览 and 打印 give: the standard edition or the
// 无违法违规记录证明版 (chosen already when the person came from that menu entry).
import { useTranslation } from 'react-i18next';
import type { ReportEdition } from '../../src-main/common/report/reportModel';

const EDITIONS: readonly ReportEdition[] = ['standard', 'no-violation'];

export function EditionChoice({ edition, onChoose }: { edition: ReportEdition; onChoose: (edition: ReportEdition) => void }) {
  const { t } = useTranslation();
  return (
    <section className="edition-choice" aria-labelledby="edition-choice-title" data-testid="edition-choice">
      <h2 id="edition-choice-title">{t('edition.label')}</h2>
      <div className="edition-buttons" role="group" aria-labelledby="edition-choice-title">
        {EDITIONS.map((e) => (
          <button key={e} type="button" className="service" aria-pressed={edition === e} onClick={() => onChoose(e)} data-testid={`edition-${e}`}>
            {t(`edition.${e}`)}
          </button>
        ))}
      </div>
      {edition === 'no-violation' && <p className="muted">{t('edition.noViolationHint')}</p>}
    </section>
  );
}
