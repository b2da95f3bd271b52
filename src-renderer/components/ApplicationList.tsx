// "My applications" on a citizen journey's first step (objection, repair): each with its
// record, state, number and time. Test ids: `${testIdPrefix}-mine` on the list and
// `${testIdPrefix}-state-${number}` on each state.
import { formatDateTime } from './formatTime';

export interface ApplicationRow {
  applicationNumber: string;
  recordTitle: string;
  submittedAt: string;
  stateText: string;
  /** Settled (answered, repaired): shown without the warning colour. */
  settled: boolean;
  /** A further fact, e.g. pages still waiting to be sent. */
  note?: string | undefined;
}

interface ApplicationListProps {
  testIdPrefix: string;
  heading: string;
  emptyText: string;
  numberLabel: string;
  timeLabel: string;
  /** null: not read yet (shown as none). */
  rows: ApplicationRow[] | null;
}

export function ApplicationList({ testIdPrefix, heading, emptyText, numberLabel, timeLabel, rows }: ApplicationListProps) {
  const headingId = `${testIdPrefix}-mine-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {rows === null || rows.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="record-list" data-testid={`${testIdPrefix}-mine`}>
          {rows.map((a) => (
            <li key={a.applicationNumber} className="record">
              <div className="record-head">
                <span className="record-title">{a.recordTitle || a.applicationNumber}</span>
                <span className={a.settled ? 'tag' : 'tag warn'} data-testid={`${testIdPrefix}-state-${a.applicationNumber}`}>
                  {a.stateText}
                </span>
              </div>
              <div className="record-meta">
                <span>
                  {numberLabel}：{a.applicationNumber}
                </span>
                <span>
                  {timeLabel}：{formatDateTime(a.submittedAt)}
                </span>
                {a.note && <span>{a.note}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
