// Loads the no-violation edition's domains (resources/report/no-violation-domains.json,
// or an operator's replacement) and validates it.
import fs from 'node:fs';
import path from 'node:path';
import { parseNoViolationConfig, type NoViolationConfig } from '../../common/report/noViolationConfig';

export function loadNoViolationConfig(file: string): NoViolationConfig {
  return parseNoViolationConfig(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export function defaultNoViolationConfigFile(resourcesDir: string): string {
  return path.join(resourcesDir, 'report', 'no-violation-domains.json');
}
