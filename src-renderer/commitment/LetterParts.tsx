// The parts of a commitment letter on screen, shared by the kiosk journey and the counter:
// the fields to choose (large radio options) and the items with the choices filled in.
import { useTranslation } from 'react-i18next';
import { englishValues, fillItem, type ChosenFields, type CommitmentKind } from '../../src-main/common/commitment/commitmentCatalogue';

/** The letter's fields, each a set of large radio options. */
export function FieldChoices({ kind, fields, en, onChoose }: { kind: CommitmentKind; fields: ChosenFields; en: boolean; onChoose: (id: string, value: string) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="commitment-fields-title">
      <h2 id="commitment-fields-title">{t('commitment.read.fields')}</h2>
      {kind.fields.map((f) => (
        <fieldset key={f.id} className="commitment-field">
          <legend>{f.label[en ? 'en' : 'zh-CN']}</legend>
          {f.options.map((o, i) => (
            <label key={o.value} className={fields[f.id] === o.value ? 'option chosen' : 'option'}>
              <input type="radio" name={f.id} value={o.value} checked={fields[f.id] === o.value} onChange={() => onChoose(f.id, o.value)} data-testid={`field-${f.id}-${i}`} />
              {en ? o.en : o.value}
            </label>
          ))}
        </fieldset>
      ))}
    </section>
  );
}

/** The letter's items as the person signs them, in the screen's language. */
export function LetterItems({ kind, fields, subjectName, en }: { kind: CommitmentKind; fields: ChosenFields; subjectName: string; en: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="commitment-items-title">
      <h2 id="commitment-items-title">{t('commitment.read.items')}</h2>
      <ol className="commitment-items" data-testid="commitment-items">
        {kind.items.map((item, i) => (
          <li key={i}>{en ? fillItem(item.en, { ...englishValues(kind, fields), subjectName }) : fillItem(item['zh-CN'], { ...fields, subjectName })}</li>
        ))}
      </ol>
    </section>
  );
}
