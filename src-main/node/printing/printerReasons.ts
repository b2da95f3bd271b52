// IPP printer-state-reasons (RFC 8011 §5.4.12, PWG 5100.x) in plain Chinese for the
// person at the kiosk. Suffixes -report/-warning/-error are stripped before lookup.

const REASONS: Record<string, { message: string; blocking: boolean }> = {
  'media-empty': { message: '打印机缺纸，请联系工作人员添加纸张', blocking: true },
  'media-needed': { message: '打印机缺纸，请联系工作人员添加纸张', blocking: true },
  'media-low': { message: '打印纸即将用完', blocking: false },
  'media-jam': { message: '打印机卡纸，请联系工作人员处理', blocking: true },
  'toner-empty': { message: '打印机墨粉已用完，请联系工作人员', blocking: true },
  'toner-low': { message: '打印机墨粉不足', blocking: false },
  'marker-supply-empty': { message: '打印机耗材已用完，请联系工作人员', blocking: true },
  'marker-supply-low': { message: '打印机耗材不足', blocking: false },
  'door-open': { message: '打印机舱门未关闭，请联系工作人员', blocking: true },
  'cover-open': { message: '打印机盖板未关闭，请联系工作人员', blocking: true },
  'input-tray-missing': { message: '打印机纸盒未装好，请联系工作人员', blocking: true },
  'output-area-full': { message: '出纸口已满，请取走纸张', blocking: true },
  'output-tray-missing': { message: '打印机出纸托盘未装好，请联系工作人员', blocking: true },
  offline: { message: '打印机未连接，请联系工作人员', blocking: true },
  'connecting-to-device': { message: '正在连接打印机…', blocking: false },
  shutdown: { message: '打印机已关闭，请联系工作人员', blocking: true },
  paused: { message: '打印机已暂停，请联系工作人员', blocking: true },
  'moving-to-paused': { message: '打印机正在暂停，请联系工作人员', blocking: true },
  stopped: { message: '打印机已停止，请联系工作人员', blocking: true },
  'spool-area-full': { message: '打印队列已满，请稍后再试', blocking: true },
  'timed-out': { message: '打印机无响应，请联系工作人员', blocking: true },
  'other': { message: '打印机出现故障，请联系工作人员', blocking: true },
};

/** media-empty-error → media-empty; none and empty entries dropped. */
export function normaliseReasons(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list
    .map((r) => String(r).replace(/-(report|warning|error)$/, ''))
    .filter((r) => r !== '' && r !== 'none');
}

/** The message for the most important reason, or undefined when nothing is wrong. */
export function reasonMessage(reasons: readonly string[]): string | undefined {
  const known = reasons.map((r) => REASONS[r]).filter((r): r is { message: string; blocking: boolean } => r !== undefined);
  const blocking = known.find((r) => r.blocking);
  return (blocking ?? known[0])?.message;
}

export function isBlockingReason(reason: string): boolean {
  return REASONS[reason]?.blocking ?? false;
}
