// 结束查询: ends the person's session wherever it is offered (summary, end of a print).
import { useTranslation } from 'react-i18next';

export function FinishButton({ onFinish, testId }: { onFinish: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="secondary" onClick={onFinish} data-testid={testId}>
      {t('actions.finish')}
    </button>
  );
}
