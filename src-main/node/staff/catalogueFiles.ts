// Where the business-item catalogue comes from: the copy the sync engine placed in
// the data folder when there is a valid one, else the starter set shipped in
// resources/staff. Both go through the same zod schema; a broken file is refused whole.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseCatalogue, type Catalogue } from '../../common/staff/catalogue';
import { STAFF_ROLES } from '../../common/staff/roles';

export const SHIPPED_CATALOGUE = 'staff/catalogue.json';
/** Written by sync (whole-file replace); preferred over the shipped one. */
export const SYNCED_CATALOGUE = 'staff-catalogue.json';
export const DEMO_STAFF = 'staff/demo-staff.json';

export interface LoadedCatalogue {
  catalogue: Catalogue;
  source: 'synced' | 'shipped';
  /** Why a synced file present was not used. */
  refused?: string;
}

export function loadCatalogue(options: { resourcesDir: string; dataDir?: string }): LoadedCatalogue {
  let refused: string | undefined;
  if (options.dataDir) {
    const synced = path.join(options.dataDir, SYNCED_CATALOGUE);
    if (fs.existsSync(synced)) {
      const parsed = readCatalogueFile(synced);
      if (parsed.ok) return { catalogue: parsed.catalogue, source: 'synced' };
      refused = parsed.message;
    }
  }
  const shipped = readCatalogueFile(path.join(options.resourcesDir, SHIPPED_CATALOGUE));
  if (!shipped.ok) throw new Error(`业务事项目录无效 / the shipped catalogue is invalid: ${shipped.message}`);
  return { catalogue: shipped.catalogue, source: 'shipped', ...(refused !== undefined && { refused }) };
}

export function readCatalogueFile(file: string): ReturnType<typeof parseCatalogue> {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { ok: false, message: `${path.basename(file)}: ${(err as Error).message}` };
  }
  return parseCatalogue(json);
}

const DemoStaffSchema = z
  .object({
    $comment: z.string().optional(),
    accounts: z.array(
      z
        .object({
          staffNo: z.string().regex(/^[A-Za-z0-9]{2,20}$/),
          name: z.string().min(1),
          role: z.enum(STAFF_ROLES),
          pin: z.string().regex(/^\d{6,12}$/),
          cardIdNumber: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type DemoStaff = z.infer<typeof DemoStaffSchema>['accounts'];

export function readDemoStaff(resourcesDir: string): DemoStaff {
  const file = path.join(resourcesDir, DEMO_STAFF);
  if (!fs.existsSync(file)) return [];
  return DemoStaffSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).accounts;
}
