// 批量核查: import a CSV/XLSX list, follow progress by events, page through the
// results (hits highlighted, bad rows with their reason), export XLSX/PDF/CSV.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { BatchResultView, BusinessItemView } from '../../src-main/common/contract/staffViews';
import { errorText } from './errorText';
import { fileToBase64, offerDownload } from './files';

type Filter = 'all' | 'hits' | 'bad';
const PAGE = 50;

export function BatchPanel({ api, token, items }: { api: KioskApi; token: string; items: BusinessItemView[] }) {
  const { t } = useTranslation();
  const [itemId, setItemId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; hits: number; bad: number } | null>(null);
  const [finished, setFinished] = useState(false);
  const [result, setResult] = useState<BatchResultView | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(
    () =>
      api.subscribe((e) => {
        if (e.type === 'batch-progress' && e.batchId === batchId) setProgress({ done: e.done, total: e.total, hits: e.hits, bad: e.bad });
        if (e.type === 'batch-done' && e.batchId === batchId) setFinished(true);
      }),
    [api, batchId],
  );

  useEffect(() => {
    if (!batchId || !finished) return;
    void api.getBatchResult({ token, batchId, page, pageSize: PAGE, filter }).then((r) => (r.ok ? setResult(r.value) : setMessage(errorText(t, r.error))));
  }, [api, token, batchId, finished, page, filter, t]);

  const start = async (): Promise<void> => {
    if (!itemId || !file) return setMessage(t('staff.check.chooseItem'));
    setMessage(null);
    setResult(null);
    setFinished(false);
    setProgress(null);
    const format = /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv';
    const r = await api.startBatchCheck({ token, itemId, fileName: file.name.slice(-200), format, dataBase64: await fileToBase64(file) });
    if (!r.ok) return setMessage(errorText(t, r.error) + (r.error.message.includes(':') ? ` — ${r.error.message.split(': ').slice(1).join(': ')}` : ''));
    setBatchId(r.value.batchId);
    setProgress({ done: r.value.done, total: r.value.total, hits: 0, bad: 0 });
    setPage(1);
    // A batch can finish before the subscription sees it: ask once.
    const now = await api.getBatchResult({ token, batchId: r.value.batchId, pageSize: 1 });
    if (now.ok && now.value.state !== 'running') setFinished(true);
  };

  const exportAs = async (format: 'xlsx' | 'pdf' | 'csv'): Promise<void> => {
    if (!batchId) return;
    const r = await api.exportBatch({ token, batchId, format });
    if (r.ok) offerDownload(r.value);
    else setMessage(errorText(t, r.error));
  };

  const pages = result ? Math.max(1, Math.ceil(result.matching / PAGE)) : 1;
  return (
    <div className="staff-panel">
      <h2>{t('staff.batch.title')}</h2>
      <p className="staff-muted">{t('staff.batch.hint')}</p>
      <div className="staff-row">
        <select name="batch-item" aria-label={t('staff.check.item')} value={itemId} onChange={(e) => setItemId(e.target.value)}>
          <option value="">{t('staff.check.chooseItem')}</option>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.category} · {i.name}
            </option>
          ))}
        </select>
        <input type="file" name="batch-file" aria-label={t('staff.batch.file')} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="button" className="staff-primary" onClick={() => void start()}>
          {t('staff.batch.start')}
        </button>
      </div>
      {message && (
        <p className="staff-message" role="alert">
          {message}
        </p>
      )}
      {progress && (
        <div className="staff-progress">
          <progress max={progress.total} value={progress.done} />
          <span data-testid="batch-progress">{t('staff.batch.progress', progress)}</span>
        </div>
      )}
      {result && (
        <>
          <div className="staff-row">
            {(['all', 'hits', 'bad'] as const).map((f) => (
              <button
                key={f}
                type="button"
                className={filter === f ? 'active' : ''}
                onClick={() => {
                  setFilter(f);
                  setPage(1);
                }}
              >
                {t(`staff.batch.filter.${f}`)}
              </button>
            ))}
            <span className="staff-spacer" />
            {(['xlsx', 'pdf', 'csv'] as const).map((f) => (
              <button key={f} type="button" onClick={() => void exportAs(f)}>
                {t('staff.batch.export')} {f.toUpperCase()}
              </button>
            ))}
          </div>
          <table className="staff-table">
            <thead>
              <tr>
                {(['row', 'code', 'inputName', 'subjectName', 'status', 'hits', 'measures', 'reason'] as const).map((c) => (
                  <th key={c}>{t(`staff.batch.columns.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.row} className={`status-${r.status}`}>
                  <td>{r.row}</td>
                  <td>
                    <code>{r.code}</code>
                  </td>
                  <td>{r.inputName}</td>
                  <td>{r.subjectName ?? ''}</td>
                  <td>{t(`staff.batch.status.${r.status}`)}</td>
                  <td>{r.hitKinds.map((k) => t(`staff.hitKinds.${k}`)).join('、')}</td>
                  <td>{r.measureIds.length + r.incentiveIds.length || ''}</td>
                  <td>{r.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="staff-row">
            <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              {t('staff.batch.prev')}
            </button>
            <span>{t('staff.batch.page', { page, pages })}</span>
            <button type="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
              {t('staff.batch.next')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
