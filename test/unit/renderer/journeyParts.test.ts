// The parts the objection and repair journeys share: the action bar shows only the
// buttons a step gives, in one order, with the test ids the e2e specs use; the lists of
// applications and of records to choose name each entry by its number or id.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RecordView } from '../../../src-main/common/contract/views';
import { ApplicationList } from '../../../src-renderer/components/ApplicationList';
import { RecordChoiceList } from '../../../src-renderer/components/RecordChoiceList';
import { StepActionBar } from '../../../src-renderer/components/StepActionBar';

const testIds = (html: string): string[] => [...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]!);
const noop = () => undefined;

describe('the shared parts of a citizen journey', () => {
  it('the action bar: back, the step’s extra, next (disabled), in that order; nothing the step does not give', () => {
    const html = renderToStaticMarkup(
      createElement(StepActionBar, { testIdPrefix: 'repair', back: { label: '上一步', onClick: noop }, extra: createElement('button', { 'data-testid': 'repair-to-counter' }, '到服务窗口办理'), next: { label: '下一步', onClick: noop, disabled: true } }),
    );
    expect(testIds(html)).toEqual(['repair-back', 'repair-to-counter', 'repair-next']);
    expect(html).toMatch(/<button type="button" class="primary" disabled="" data-testid="repair-next">下一步<\/button>/);
    expect(testIds(renderToStaticMarkup(createElement(StepActionBar, { testIdPrefix: 'objection', cancel: { label: '返回', onClick: noop }, done: { label: '完成', onClick: noop } })))).toEqual(['objection-cancel', 'objection-done']);
  });

  it('the applications: each state by its number, settled ones without the warning colour; none yet says so', () => {
    const row = { recordTitle: '未按规定申报纳税', submittedAt: '2026-12-07T08:00:00.000Z', stateText: '审核中' };
    const html = renderToStaticMarkup(
      createElement(ApplicationList, { testIdPrefix: 'repair', heading: '我的修复申请', emptyText: '无', numberLabel: '申请编号', timeLabel: '申请时间', rows: [{ ...row, applicationNumber: 'A1', settled: false, note: '2 页材料待发送' }, { ...row, applicationNumber: 'A2', settled: true }] }),
    );
    expect(testIds(html)).toEqual(['repair-mine', 'repair-state-A1', 'repair-state-A2']);
    expect(html).toContain('class="tag warn" data-testid="repair-state-A1"');
    expect(html).toContain('class="tag" data-testid="repair-state-A2"');
    expect(html).toContain('2 页材料待发送');
    expect(renderToStaticMarkup(createElement(ApplicationList, { testIdPrefix: 'objection', heading: 'h', emptyText: '您还没有提交过异议申请。', numberLabel: 'n', timeLabel: 't', rows: null }))).toContain('您还没有提交过异议申请。');
  });

  it('the records to choose: one button each by record id, with what the journey shows after the title', () => {
    const records = [{ id: 'r-1', category: 'penalty', title: '未按规定申报纳税', authority: '税务局', decisionDate: '2026-01-02' }] as RecordView[];
    const html = renderToStaticMarkup(createElement(RecordChoiceList, { testIdPrefix: 'repair', heading: '选择', emptyText: '无', records, onChoose: noop, after: () => createElement('span', { className: 'tag' }, '申请信用修复') }));
    expect(testIds(html)).toEqual(['repair-record-r-1']);
    expect(html).toMatch(/record-title">未按规定申报纳税<\/span><span class="tag">申请信用修复<\/span>/);
    expect(html).toContain('2026-01-02');
  });
});
