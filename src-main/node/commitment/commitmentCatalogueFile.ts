// The commitment letters a kiosk offers: resources/commitments/catalogue.json, checked by
// its schema at start — a broken file stops the start with its reason, not a screen later.
import fs from 'node:fs';
import path from 'node:path';
import { CommitmentCatalogueSchema, type CommitmentCatalogue } from '../../common/commitment/commitmentCatalogue';

export const SHIPPED_COMMITMENTS = 'commitments/catalogue.json';

export function loadCommitmentCatalogue(resourcesDir: string): CommitmentCatalogue {
  const file = path.join(resourcesDir, SHIPPED_COMMITMENTS);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`信用承诺书目录无法读取 / cannot read the commitment catalogue: ${(err as Error).message}`);
  }
  const parsed = CommitmentCatalogueSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw new Error(`信用承诺书目录无效 / the commitment catalogue is invalid: ${where}`);
  }
  return parsed.data;
}
