// Credit-commitment (信用承诺) and signature-pad texts in Chinese. Merge: resources['zh-CN'].translation.commitment = commitmentZhCN.

export const commitmentZhCN = {
  open: '签署信用承诺',
  choose: {
    title: '选择信用承诺类型',
    lead: '请选择要签署的承诺书，阅读全文后在屏幕上签名。签署后将打印一份加盖电子印章的承诺书副本。',
    forEnterprise: '以法定代表人身份为{{name}}签署',
    forSelf: '为本人（{{name}}）签署',
    validMonths: '有效期 {{count}} 个月',
  },
  read: {
    title: '阅读承诺书',
    fields: '请选择以下内容',
    items: '承诺事项',
    toSign: '已阅读，去签名',
    chooseAll: '请先选择全部内容',
  },
  sign: {
    title: '请在框内签名',
    lead: '用手指在下方方框内写下您的姓名。写错可撤销一笔或全部清除。',
    confirm: '确认签署并打印',
    signing: '正在生成承诺书……',
    needInk: '请在框内写下完整签名',
  },
  done: {
    title: '承诺已签署',
    number: '承诺书编号：{{number}}',
    validUntil: '有效期至 {{date}}',
    printing: '承诺书副本正在打印，请取走。承诺信息将报送信用平台，同步后显示在您的信用报告“信用承诺信息”中。',
    printFailed: '承诺已记录，但副本未能打印：{{message}}。请到窗口补打。',
    another: '签署其他承诺',
  },
  back: '返回',
  backToSummary: '返回信用概要',
  errors: {
    ALREADY_COMMITTED: '您已签署过相同的信用承诺，仍在有效期内，无需重复签署。',
    INVALID_INPUT: '签名或所选内容无效，请重新签署。',
    other: '暂时无法签署承诺，请联系工作人员。',
  },
  counter: {
    title: '签署信用承诺（告知承诺 / 容缺受理）',
    lead: '本事项适用告知承诺或容缺受理：请申请人选择承诺书、阅读后在签名板上签名。',
    kind: '承诺书类型',
    chooseKind: '请选择承诺书',
    cannotSign: '申请人无法签名：由我当面核实身份并宣读承诺内容后确认（记入审计日志）',
    sign: '签署并生成承诺书',
    signed: '承诺书 {{number}} 已签署，有效期至 {{date}}',
    download: '下载承诺书 PDF 打印',
    NOT_OFFERED: '该事项不适用告知承诺或容缺受理',
  },
  pad: {
    label: '签名区域：用手指或鼠标在此书写',
    strokes: '已写 {{count}} 笔',
    empty: '尚未签名',
    undo: '撤销一笔',
    redo: '恢复一笔',
    clear: '全部清除',
    line: '签名线',
  },
};

export type CommitmentTexts = typeof commitmentZhCN;
