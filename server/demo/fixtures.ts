import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../package-root.ts';

/**
 * The hand-checked extraction of the five seed documents (test/fixtures/demo), which the demo loads
 * until the importer produces the same from the documents themselves.
 */
const fixtureSchema = z.object({
  directive: z.object({
    number: z.string(),
    numberMissing: z.boolean().optional(),
    kind: z.enum(['plan', 'conclusion_notice', 'official_letter', 'decision', 'resolution', 'program']),
    issuer: z.string(),
    signer: z.string().optional(),
    issuedOn: z.string().optional(),
    issuedMonth: z.string().optional(),
    title: z.string(),
    implements: z.array(z.string()),
    reportingDay: z.number().optional(),
    meetingDay: z.number().optional(),
    sourceFile: z.string(),
  }),
  sections: z.array(z.object({ code: z.string(), title: z.string() })),
  tasks: z.array(
    z.object({
      section: z.string().optional(),
      ordinal: z.string(),
      title: z.string(),
      leads: z.array(z.string()),
      coordinators: z.array(z.string()),
      product: z.string().optional(),
      deadline: z.string().optional(),
      sourceText: z.string(),
    }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string().optional(),
      target: z.string(),
      horizonYear: z.number().optional(),
      parent: z.string().optional(),
      monitoring: z.array(z.string()),
    }),
  ),
});
export type DemoFixture = z.infer<typeof fixtureSchema>;

export const FIXTURE_DIR = join(PACKAGE_ROOT, 'test', 'fixtures', 'demo');
export const SEED_DIR = join(PACKAGE_ROOT, 'test', 'fixtures', 'seeds');

/** In the order directives must be created: Plan 726 first, since the Office's plan implements it. */
export function loadDemoFixtures(): DemoFixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => (a.startsWith('001') ? -1 : b.startsWith('001') ? 1 : a.localeCompare(b)))
    .map((f) => fixtureSchema.parse(JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8'))));
}
