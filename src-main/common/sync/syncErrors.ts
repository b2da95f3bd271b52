// Every way a sync can be refused, each with its own stable code (scripts and the
// admin screen key on them; never rename one) and a message a person understands,
// Chinese first.

export const SYNC_ERROR_CODES = [
  'SYNC_BAD_METADATA',
  'SYNC_BAD_SIGNATURE',
  'SYNC_UNKNOWN_KEY',
  'SYNC_ROLLBACK',
  'SYNC_EXPIRED',
  'SYNC_HASH_MISMATCH',
  'SYNC_TOO_LARGE',
  'SYNC_MIXED_SNAPSHOT',
  'SYNC_BAD_PACKAGE',
  'SYNC_NO_PACKAGE',
  'SYNC_DOWNLOAD_FAILED',
  'SYNC_UNTRUSTED_PLATFORM',
  'SYNC_SOURCE_MISSING',
  'SYNC_APPLY_FAILED',
  'SYNC_BUSY',
  'SYNC_NOT_CONFIGURED',
] as const;

export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export const SYNC_ERROR_MESSAGES: Record<SyncErrorCode, string> = {
  SYNC_BAD_METADATA: '同步元数据格式不正确，已拒绝 / The sync metadata is malformed and was refused',
  SYNC_BAD_SIGNATURE: '同步数据签名无效，可能被篡改，已拒绝 / A sync signature is invalid (possible tampering); refused',
  SYNC_UNKNOWN_KEY: '同步数据由不受信任的密钥签名，已拒绝 / The sync data was signed by an untrusted key; refused',
  SYNC_ROLLBACK: '同步数据版本低于本机已有版本（回滚），已拒绝 / The sync data is older than what this kiosk already has (rollback); refused',
  SYNC_EXPIRED: '同步元数据已过期（可能被冻结在旧版本），已拒绝 / The sync metadata has expired (possible freeze); refused',
  SYNC_HASH_MISMATCH: '同步文件内容与签名记录不符，已拒绝 / A sync file does not match its signed hash; refused',
  SYNC_TOO_LARGE: '同步文件超过签名中记录的大小，已拒绝 / A sync file is larger than its signed length; refused',
  SYNC_MIXED_SNAPSHOT: '同步文件来自不同的发布版本，已拒绝 / Sync files from different releases were mixed; refused',
  SYNC_BAD_PACKAGE: '同步数据包内容无效，已拒绝 / The sync package content is invalid; refused',
  SYNC_NO_PACKAGE: '没有适用于本机版本的数据包 / No package applies to this kiosk’s data version',
  SYNC_DOWNLOAD_FAILED: '下载同步数据失败，稍后将重试 / Downloading sync data failed; it will be retried',
  SYNC_UNTRUSTED_PLATFORM: '平台的证书不受信任（不是所配置的 CA 签发或已过期），已停止连接，请运维人员核对 sync.caFile / The platform’s certificate is not trusted (not signed by the configured CA, or expired); not connecting — operators should check sync.caFile',
  SYNC_SOURCE_MISSING: '找不到同步数据来源（文件夹或地址） / The sync source (folder or address) cannot be found',
  SYNC_APPLY_FAILED: '写入本地数据失败，原有数据保持不变 / Writing the local data failed; the previous data is unchanged',
  SYNC_BUSY: '同步正在进行中 / A sync is already running',
  SYNC_NOT_CONFIGURED: '未配置同步平台地址 / No sync platform address is configured',
};
