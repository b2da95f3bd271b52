// The repair application's materials and rules: resources/repair/materials.json, checked
// by its schema at start (the one JSON resource loader).
import path from 'node:path';
import { RepairConfigSchema, type RepairConfig } from '../../common/repair/repairMaterials';
import { loadJsonResource } from '../config/jsonResource';

export const SHIPPED_REPAIR_CONFIG = 'repair/materials.json';

export function loadRepairConfig(resourcesDir: string): RepairConfig {
  return loadJsonResource(path.join(resourcesDir, SHIPPED_REPAIR_CONFIG), RepairConfigSchema, { zh: '信用修复材料清单', en: 'repair materials list' });
}
