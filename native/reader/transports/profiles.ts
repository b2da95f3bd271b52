// The VID/PID → transport profile table: shipped in resources/readers/profiles.json,
// extended by an operator's file of the same shape (entries override by VID:PID).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import shipped from '../../../resources/readers/profiles.json';
import { PROFILE_IDS, type ProfileId } from './transport';

const hex4 = z
  .string()
  .regex(/^[0-9a-fA-F]{4}$/, 'four hex digits, e.g. "0400"')
  .transform((s) => s.toLowerCase());

export const readerProfileSchema = z.object({
  vendorId: hex4,
  productId: hex4,
  transport: z.enum(['hid', 'serial']),
  /** 'unsupported' lists a model we recognise but cannot drive (closed framing). */
  profile: z.enum([...PROFILE_IDS, 'unsupported']),
  name: z.string().min(1),
  /** HID report size where it is not 64. */
  reportSize: z.number().int().min(8).max(4096).optional(),
  note: z.string().optional(),
});

export const readerProfileTableSchema = z.object({
  $comment: z.string().optional(),
  readers: z.array(readerProfileSchema),
});

export type ReaderProfile = z.infer<typeof readerProfileSchema>;

export type ProfileTableResult = { ok: true; profiles: ReaderProfile[] } | { ok: false; message: string };

export function shippedProfiles(): ReaderProfile[] {
  return readerProfileTableSchema.parse(shipped).readers;
}

/** Later entries replace earlier ones with the same transport, VID and PID. */
export function mergeProfiles(base: ReaderProfile[], extra: ReaderProfile[]): ReaderProfile[] {
  const byKey = new Map<string, ReaderProfile>();
  for (const p of [...base, ...extra]) byKey.set(profileKey(p), p);
  return [...byKey.values()];
}

function profileKey(p: Pick<ReaderProfile, 'transport' | 'vendorId' | 'productId'>): string {
  return `${p.transport}:${p.vendorId}:${p.productId}`;
}

/** The shipped table plus the operator's file, if given. */
export async function loadReaderProfiles(configPath?: string): Promise<ProfileTableResult> {
  const base = shippedProfiles();
  if (!configPath) return { ok: true, profiles: base };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(configPath, 'utf8'));
  } catch (error) {
    return { ok: false, message: `cannot read the reader profile file: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = readerProfileTableSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `reader profile file is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}` };
  }
  return { ok: true, profiles: mergeProfiles(base, parsed.data.readers) };
}

export function findProfile(
  profiles: readonly ReaderProfile[],
  device: { transport: 'hid' | 'serial'; vendorId: number | string; productId: number | string },
): ReaderProfile | undefined {
  const norm = (id: number | string): string => (typeof id === 'number' ? id.toString(16) : id).toLowerCase().padStart(4, '0');
  const key = profileKey({ transport: device.transport, vendorId: norm(device.vendorId), productId: norm(device.productId) });
  return profiles.find((p) => profileKey(p) === key);
}

export function isDrivable(profile: ReaderProfile['profile']): profile is ProfileId {
  return profile !== 'unsupported';
}
