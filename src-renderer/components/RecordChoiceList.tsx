// "Choose a record" on a citizen journey's first step (objection, repair): each record a
// button with its title, what the journey shows beside it, and its authority and date.
// Test ids: `${testIdPrefix}-record-${record id}`.
import type { ReactNode } from 'react';
import type { RecordView } from '../../src-main/common/contract/views';

interface RecordChoiceListProps {
  testIdPrefix: string;
  heading: string;
  emptyText: string;
  records: RecordView[];
  onChoose: (record: RecordView) => void;
  /** Shown in the record's head around its title: before it (e.g. the category) and after it (a tag). */
  before?: (record: RecordView) => ReactNode;
  after?: (record: RecordView) => ReactNode;
}

export function RecordChoiceList({ testIdPrefix, heading, emptyText, records, onChoose, before, after }: RecordChoiceListProps) {
  const headingId = `${testIdPrefix}-choose`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {records.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="record-list">
          {records.map((r) => (
            <li key={r.id}>
              <button type="button" className={`record record-choice ${r.category}`} onClick={() => onChoose(r)} data-testid={`${testIdPrefix}-record-${r.id}`}>
                <span className="record-head">
                  {before?.(r)}
                  <span className="record-title">{r.title}</span>
                  {after?.(r)}
                </span>
                <span className="record-meta">
                  {r.authority && <span>{r.authority}</span>}
                  {r.decisionDate && <span>{r.decisionDate}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
