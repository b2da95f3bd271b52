// A page a kiosk sends with a credit repair application (信用修复申请): the application's
// event names each page by digest, the page comes on its own (POST v1/attachments) so a
// batch of events stays small. Checked (JPEG, digest, size) and kept under the platform's
// state folder by kiosk and application, sealed (AES-256-GCM under a key derived from the
// platform's own secret in its state, bound to kiosk, application and digest): a copied
// folder shows no page. The same page sent twice is stored once.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createFieldCipher, type FieldCipher } from '../cache/fieldCipher';
import { loadStateSecret } from './stateSecret';
import { PlatformRefusal } from './platformRefusal';

export const MAX_ATTACHMENT_BYTES = 700_000;

const AttachmentSchema = z
  .object({
    applicationNumber: z.string().regex(/^\d{14}[0-9A-Z]{8}$/),
    material: z.string().regex(/^[a-z0-9-]{1,40}$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    type: z.literal('image/jpeg'),
    data: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  })
  .strict();

export interface StoredAttachment {
  applicationNumber: string;
  material: string;
  sha256: string;
  bytes: number;
}

/** The folder of one application's pages from one kiosk. */
export function attachmentDir(stateDir: string, kioskId: string, applicationNumber: string): string {
  return path.join(stateDir, 'attachments', kioskId, applicationNumber);
}

const SEALED = '.jpg.sealed';

/** The pages' key file in the state folder: its own, so renewing the operators' pepper never strands the pages. */
export const ATTACHMENT_KEY_FILE = 'attachment-key';

/** The pages' cipher, under the platform's attachment key (created on first use). */
function attachmentCipher(stateDir: string): FieldCipher {
  return createFieldCipher('aes-256-gcm', loadStateSecret(stateDir, ATTACHMENT_KEY_FILE, (file) => new Error(`附件密钥文件无效 / the attachment key file holds no key: ${file}`)));
}

const boundTo = (kioskId: string, applicationNumber: string, sha256: string): string => `${kioskId}/${applicationNumber}/${sha256}`;

/** One application's stored pages, opened: material, digest and the JPEG (for the platform's reviewers; tests). */
export function readAttachments(stateDir: string, kioskId: string, applicationNumber: string): Array<{ material: string; sha256: string; jpeg: Buffer }> {
  const dir = attachmentDir(stateDir, kioskId, applicationNumber);
  if (!fs.existsSync(dir)) return [];
  const cipher = attachmentCipher(stateDir);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(SEALED))
    .map((f) => {
      const [, material, sha256] = /^(.+)-([0-9a-f]{64})\.jpg\.sealed$/.exec(f) ?? [];
      return { material: material!, sha256: sha256!, jpeg: Buffer.from(cipher.open(fs.readFileSync(path.join(dir, f)), boundTo(kioskId, applicationNumber, sha256!)), 'base64') };
    });
}

export function storeAttachment(body: Buffer, stateDir: string, kioskId: string): StoredAttachment {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new PlatformRefusal('INVALID_INPUT', '请求不是 JSON / the request body is not JSON');
  }
  const parsed = AttachmentSchema.safeParse(json);
  if (!parsed.success) throw new PlatformRefusal('INVALID_INPUT', `附件格式无效 / invalid attachment at ${parsed.error.issues[0]!.path.join('.') || '(body)'}`);
  const a = parsed.data;
  const bytes = Buffer.from(a.data, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) throw new PlatformRefusal('INVALID_INPUT', `附件大小无效 / attachment size out of bounds (${bytes.length})`);
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new PlatformRefusal('INVALID_INPUT', '附件不是 JPEG 图片 / the attachment is not a JPEG');
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== a.sha256) throw new PlatformRefusal('INVALID_INPUT', '附件摘要不符 / the attachment does not match its digest');
  const dir = attachmentDir(stateDir, kioskId, a.applicationNumber);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${a.material}-${a.sha256}${SEALED}`);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(`${file}.part`, attachmentCipher(stateDir).seal(a.data, boundTo(kioskId, a.applicationNumber, a.sha256)));
    fs.renameSync(`${file}.part`, file);
  }
  return { applicationNumber: a.applicationNumber, material: a.material, sha256: a.sha256, bytes: bytes.length };
}
