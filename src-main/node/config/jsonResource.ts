// A shipped JSON file checked by its schema at start (the commitment catalogue, the repair
// materials): a broken file stops the start with its reason, not a screen later.
import fs from 'node:fs';
import type { z } from 'zod';

export function loadJsonResource<S extends z.ZodType>(file: string, schema: S, what: { zh: string; en: string }): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${what.zh}无法读取 / cannot read the ${what.en}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw new Error(`${what.zh}无效 / the ${what.en} is invalid: ${where}`);
  }
  return parsed.data as z.infer<S>;
}
