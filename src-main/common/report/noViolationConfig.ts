// What the 无违法违规记录证明版 checks: domains, their lookback periods and what counts as
// a violation. Provinces differ and change this over time, so it is data
// (resources/report/no-violation-domains.json), validated here.
import { z } from 'zod';
import { RECORD_CATEGORIES } from '../domain/creditRecord';

const Category = z.enum(RECORD_CATEGORIES);

const Match = z
  .object({
    /** Record categories that count as a violation in this domain. */
    categories: z.array(Category).min(1),
    /** A record matches when its authority contains one of these … */
    authorityKeywords: z.array(z.string().min(1)).default([]),
    /** … or its source department (数据来源单位) contains one of these … */
    sourceDepartmentKeywords: z.array(z.string().min(1)).default([]),
    /** … or its title contains one of these (e.g. 刑事 for criminal judgments). */
    titleKeywords: z.array(z.string().min(1)).default([]),
    /** Matches every record of the categories, whoever decided it (national lists). */
    any: z.boolean().default(false),
  })
  .strict();

export const NoViolationDomainSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    lookbackMonths: z.number().int().min(1).max(120),
    match: Match,
  })
  .strict();

export const NoViolationConfigSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.string().min(1),
    region: z.string().min(1),
    /** The legal basis printed on the report. */
    basis: z.string().min(1),
    nationalScope: z
      .object({
        basis: z.string().min(1),
        categories: z.array(Category).min(1),
        /** Summary-procedure (简易程序) penalties count when visible. */
        includeSummaryProcedure: z.boolean(),
      })
      .strict(),
    domains: z.array(NoViolationDomainSchema).min(1),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    for (const [i, d] of config.domains.entries()) {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['domains', i, 'id'], message: `duplicate domain id ${d.id}` });
      seen.add(d.id);
      const m = d.match;
      if (!m.any && m.authorityKeywords.length + m.sourceDepartmentKeywords.length + m.titleKeywords.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['domains', i, 'match'], message: 'a domain needs keywords or any: true' });
      }
    }
  });

export type NoViolationConfig = z.output<typeof NoViolationConfigSchema>;
export type NoViolationDomain = z.output<typeof NoViolationDomainSchema>;

export function parseNoViolationConfig(raw: unknown): NoViolationConfig {
  return NoViolationConfigSchema.parse(raw);
}
