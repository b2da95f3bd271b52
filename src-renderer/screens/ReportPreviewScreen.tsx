// The report as it will print, from the same model the PDF is drawn from, so the
// person sees exactly what they are about to take away.
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../src-main/common/contract/errorCodes';
import type { ReportBlock, ReportModel } from '../../src-main/common/report/reportModel';
import { PrintNotes } from './SummaryScreen';

function Block({ block, tableLabel }: { block: ReportBlock; tableLabel: string }) {
  switch (block.kind) {
    case 'fields':
      return (
        <dl className="preview-fields">
          {block.fields.map((f) => (
            <div key={f.label} className="preview-field">
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return (
        // A wide table scrolls sideways: a named region the keyboard can reach (axe: scrollable-region-focusable).
        <div className="preview-table-wrap" role="region" tabIndex={0} aria-label={block.caption ?? tableLabel}>
          {block.caption && <h3>{block.caption}</h3>}
          <table className="preview-table">
            <thead>
              <tr>
                {block.columns.map((c) => (
                  <th key={c.label} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'paragraphs':
      return (
        <>
          {block.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </>
      );
    case 'none':
      return (
        <p>
          {block.caption && <strong>{block.caption}：</strong>}
          {block.text}
        </p>
      );
    case 'signature':
      // A report has none; a signed letter's strokes are drawn in its PDF only.
      return <p>{block.note}</p>;
  }
}

interface ReportPreviewProps {
  model: ReportModel;
  onPrint: () => void;
  onBack: () => void;
  busy: boolean;
  printerDown: boolean;
  printsLeft: number | undefined;
  refusal: ErrorCode | null;
}

export function ReportPreviewScreen({ model, onPrint, onBack, busy, printerDown, printsLeft, refusal }: ReportPreviewProps) {
  const { t } = useTranslation();
  return (
    <main className="screen preview has-action-bar" data-testid="screen-preview">
      <div className="screen-body" tabIndex={0}>
      <article className="preview-paper" lang="zh-CN" aria-label={model.title}>
        <h1>{model.title}</h1>
        <p className="preview-subtitle">{model.subtitle}</p>
        <dl className="preview-fields">
          {model.header.map((f) => (
            <div key={f.label} className="preview-field">
              <dt>{f.label}</dt>
              <dd>{f.label.includes('编号') ? t('preview.numberAtPrint') : f.value}</dd>
            </div>
          ))}
        </dl>
        {model.summary && (
          <section>
            <h2>{model.summary.title}</h2>
            <table className="preview-table">
              <thead>
                <tr>
                  {model.summary.items.map((i) => (
                    <th key={i.category} scope="col">
                      {i.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {model.summary.items.map((i) => (
                    <td key={i.category}>{i.count}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </section>
        )}
        {model.sections.map((s) => (
          <section key={s.id}>
            <h2>
              {s.number}、{s.title}
            </h2>
            {s.blocks.map((b, i) => (
              <Block key={i} block={b} tableLabel={s.title} />
            ))}
          </section>
        ))}
        <section>
          <h2>{model.notes.title}</h2>
          {model.notes.paragraphs.map((p) => (
            <p key={p} className="preview-note">
              {p}
            </p>
          ))}
        </section>
      </article>
      </div>
      <div className="action-bar">
        <PrintNotes printsLeft={printsLeft} printerDown={printerDown} refusal={refusal} />
        <div className="action-buttons">
          <button type="button" className="primary" onClick={onPrint} disabled={busy || printerDown || printsLeft === 0} data-testid="preview-print">
            {t('actions.print')}
          </button>
          <button type="button" className="secondary" onClick={onBack} data-testid="preview-back">
            {t('actions.back')}
          </button>
        </div>
      </div>
    </main>
  );
}
