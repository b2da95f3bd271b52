// The action bar of a step-by-step citizen journey (objection, repair): cancel on the
// first step, back, the step's own extra buttons, next, submit, done — each shown only
// where the journey gives it. Test ids are `${testIdPrefix}-cancel|back|next|submit|done`.
import type { ReactNode } from 'react';

export interface StepAction {
  label: string;
  onClick: () => void;
  disabled?: boolean;
}

interface StepActionBarProps {
  testIdPrefix: string;
  cancel?: StepAction | undefined;
  back?: StepAction | undefined;
  /** Buttons of this step alone (e.g. "go to the counter"), between back and next. */
  extra?: ReactNode;
  next?: StepAction | undefined;
  submit?: StepAction | undefined;
  done?: StepAction | undefined;
}

export function StepActionBar({ testIdPrefix, cancel, back, extra, next, submit, done }: StepActionBarProps) {
  const button = (a: StepAction | undefined, role: 'cancel' | 'back' | 'next' | 'submit' | 'done', kind: 'primary' | 'secondary') =>
    a && (
      <button type="button" className={kind} disabled={a.disabled} onClick={a.onClick} data-testid={`${testIdPrefix}-${role}`}>
        {a.label}
      </button>
    );
  return (
    <div className="action-bar">
      <div className="action-buttons">
        {button(cancel, 'cancel', 'secondary')}
        {button(back, 'back', 'secondary')}
        {extra}
        {button(next, 'next', 'primary')}
        {button(submit, 'submit', 'primary')}
        {button(done, 'done', 'primary')}
      </div>
    </div>
  );
}
