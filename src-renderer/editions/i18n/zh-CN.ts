// 简体中文: choosing the edition of an enterprise's report.
export const editionZhCN = {
  label: '报告版本',
  standard: '标准版',
  'no-violation': '无违法违规记录证明版',
  noViolationHint: '无违法违规记录证明版按领域列出查询期内有无违法违规记录，可替代企业在相关领域的无违法违规记录证明。',
};
