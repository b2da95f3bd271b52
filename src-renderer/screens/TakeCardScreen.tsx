// The session ended (结束查询, or no touch for a while) with the card still on the
// reader: ask for the card, not for one. Lifting it returns to the start.
import { useTranslation } from 'react-i18next';
import { CardIllustration } from '../components/CardIllustration';

export function TakeCardScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen take-card" data-testid="screen-take-card">
      <CardIllustration />
      <h1 className="instruction">{t('takeCard.title')}</h1>
      <p className="lead">{t('takeCard.sub')}</p>
    </main>
  );
}
