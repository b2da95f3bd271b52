// 批量核查: import a CSV/XLSX list, follow its progress, page through the results
// (hits highlighted, bad rows with their reason), export XLSX/PDF/CSV. Progress comes
// from the job's state, re-read after subscribing and while it runs; events only
// hurry the re-read, so a missed or early event never leaves the line behind.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { BatchResultView, BatchSummaryView, BusinessItemView } from '../../src-main/common/contract/staffViews';
import { errorText } from './errorText';
import { fileToBase64, offerDownload } from './files';

type Filter = 'all' | 'hits' | 'bad';
type Progress = { done: number; total: number; hits: number; bad: number };
const PAGE = 50;
/** A running job's state is read again this often even if no event arrives. */
const REREAD_MS = 1500;

function progressOf(s: Pick<BatchSummaryView, 'done' | 'total' | 'counts'>): Progress {
  return { done: s.done, total: s.total, hits: s.counts.hit, bad: s.counts['invalid-code'] + s.counts['missing-code'] + s.counts['not-found'] };
}

export function BatchPanel({ api, token, items }: { api: KioskApi; token: string; items: BusinessItemView[] }) {
  const { t } = useTranslation();
  const [itemId, setItemId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [finished, setFinished] = useState(false);
  const [result, setResult] = useState<BatchResultView | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!batchId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reread = async (): Promise<void> => {
      clearTimeout(timer);
      const r = await api.getBatchResult({ token, batchId, pageSize: 1 });
      if (!live) return;
      if (!r.ok) return setMessage(errorText(t, r.error));
      setProgress(progressOf(r.value));
      if (r.value.state !== 'running') setFinished(true);
      else timer = setTimeout(() => void reread(), REREAD_MS);
    };
    // Subscribe first, then read: whatever happened before the subscription is in the state read.
    const unsubscribe = api.subscribe((e) => {
      if ((e.type === 'batch-progress' || e.type === 'batch-done') && e.batchId === batchId) void reread();
    });
    void reread();
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [api, token, batchId, t]);

  useEffect(() => {
    if (!batchId || !finished) return;
    void api.getBatchResult({ token, batchId, page, pageSize: PAGE, filter }).then((r) => {
      if (!r.ok) return setMessage(errorText(t, r.error));
      setResult(r.value);
      setProgress(progressOf(r.value)); // the result and the progress line tell the same state
    });
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
    setProgress(progressOf(r.value));
    setPage(1);
    setBatchId(r.value.batchId);
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
