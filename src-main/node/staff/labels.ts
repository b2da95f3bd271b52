// Chinese labels for the counter's printed and exported documents (the screens
// have their own, in i18next).
import type { BatchRowStatus, DecisionKind } from '../../common/contract/staffViews';
import type { Verdict } from '../../common/staff/applicable';
import type { HitKind } from '../../common/staff/hits';

export const HIT_LABELS: Record<HitKind, string> = {
  'serious-dishonesty': '严重失信主体名单',
  'judgment-defaulter': '失信被执行人',
  'abnormal-operation': '经营异常名录',
  penalty: '行政处罚（公示期内）',
  'watch-list': '重点关注名单',
  'red-list': '守信激励（红名单/荣誉）',
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  punish: '适用联合惩戒措施',
  incentive: '适用守信激励措施',
  attention: '有失信记录，本事项无对应惩戒措施，请审慎办理',
  clear: '未发现失信记录',
};

export const DECISION_LABELS: Record<DecisionKind, string> = {
  'measure-applied': '已采取惩戒措施',
  'incentive-granted': '已给予激励措施',
  none: '未采取措施',
};

export const ROW_STATUS_LABELS: Record<BatchRowStatus, string> = {
  clear: '未发现失信记录',
  hit: '命中失信信息',
  incentive: '守信激励',
  'invalid-code': '代码无效',
  'missing-code': '缺少代码',
  'not-found': '未查询到该主体',
};
