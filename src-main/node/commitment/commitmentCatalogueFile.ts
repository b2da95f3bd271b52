// The commitment letters a kiosk offers: resources/commitments/catalogue.json, checked by
// its schema at start — a broken file stops the start with its reason, not a screen later.
import path from 'node:path';
import { CommitmentCatalogueSchema, type CommitmentCatalogue } from '../../common/commitment/commitmentCatalogue';
import { loadJsonResource } from '../config/jsonResource';

export const SHIPPED_COMMITMENTS = 'commitments/catalogue.json';

export function loadCommitmentCatalogue(resourcesDir: string): CommitmentCatalogue {
  return loadJsonResource(path.join(resourcesDir, SHIPPED_COMMITMENTS), CommitmentCatalogueSchema, { zh: '信用承诺书目录', en: 'commitment catalogue' });
}
