import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assessIndicator, INDICATOR_NUMBER_MAX, isIndicatorNumber } from '../server/domain/indicator-progress.ts';
import { forEachDialect, freshDatabase, type TestDatabase } from './helpers/db.ts';

/**
 * Today's colours are a generated column (migration 0006) that the dashboard counts and orders by; a past month's
 * and an indicator's own page are coloured in JavaScript (assessIndicator). Both must give the same colour for
 * every target and value, on both databases — the boundaries above all (t × 0.8, t × 1.2, the 5 % of "eq", the
 * edges of a range), where a different rounding would show a different colour.
 */

const COLOUR_OF_RANK = ['red', 'orange', 'grey', 'green'];

const OPERATORS = ['gte', 'gt', 'lte', 'lt', 'eq', 'range', 'rank', 'qualitative', 'unknown'] as const;
const TARGETS = [0, 1, 3, 10, 100, 0.5, 2.4, -5, 95, 1_000_000, 0.001] as const;
const FACTORS = [0, 0.5, 0.79, 0.8, 0.81, 0.95, 0.96, 1, 1.04, 1.05, 1.19, 1.2, 1.21, 1.5, 1.51, 2, -1] as const;

interface Case {
  operator: string;
  target: number | null;
  targetMax: number | null;
  actual: number | null;
}

/** Targets and values at and around every threshold, then random ones (a fixed seed, so a failure repeats). */
function cases(): Case[] {
  const out: Case[] = [];
  for (const operator of OPERATORS)
    for (const target of TARGETS)
      for (const f of FACTORS) {
        out.push({ operator, target, targetMax: null, actual: target * f });
        out.push({ operator, target, targetMax: target * 1.5 + 1, actual: target * f });
        out.push({ operator, target, targetMax: target * 1.5 + 1, actual: (target * 1.5 + 1) * f });
      }
  for (const operator of OPERATORS) {
    out.push({ operator, target: null, targetMax: null, actual: 5 });
    out.push({ operator, target: 5, targetMax: null, actual: null });
  }
  // Any number an indicator can hold (isIndicatorNumber: the API and the importer refuse the others).
  const double = fc.double({ min: -INDICATOR_NUMBER_MAX, max: INDICATOR_NUMBER_MAX, noNaN: true }).filter(isIndicatorNumber);
  const random = fc.record({ operator: fc.constantFrom(...OPERATORS), target: fc.option(double, { nil: null }), targetMax: fc.option(double, { nil: null }), actual: fc.option(double, { nil: null }) });
  out.push(...fc.sample(random, { numRuns: 2_000, seed: 57 }));
  // -0 is stored as 0 by the databases; compare what they hold.
  return out.map((c) => ({ ...c, actual: c.actual === 0 ? 0 : c.actual, target: c.target === 0 ? 0 : c.target, targetMax: c.targetMax === 0 ? 0 : c.targetMax }));
}

forEachDialect("the indicator's stored colour is the domain rule", (dialect) => {
  let t: TestDatabase;
  let directiveId: number;
  beforeAll(async () => {
    t = await freshDatabase(dialect);
    const now = new Date().toISOString();
    directiveId = (
      await t.db
        .insertInto('directives')
        .values({ number: '1/KH-UBND', kind: 'plan', title: 'Kế hoạch thử màu chỉ tiêu', search_text: 'ke hoach thu mau chi tieu', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t?.close());

  it('gives the colour assessIndicator gives, at every threshold and for 2,000 random targets', async () => {
    const all = cases();
    const now = new Date().toISOString();
    for (let i = 0; i < all.length; i += 500) {
      await t.db
        .insertInto('indicators')
        .values(
          all.slice(i, i + 500).map((c, j) => ({
            directive_id: directiveId,
            code: String(i + j),
            name: `Chỉ tiêu ${i + j}`,
            target_text: 'thử',
            target_operator: c.operator,
            target_value: c.target,
            target_value_max: c.targetMax,
            position: i + j,
            search_text: 'thu',
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
    // The number the triggers copy from the latest value, written here directly for each case.
    const ids = (await t.db.selectFrom('indicators').select('id').orderBy('position').execute()).map((r) => r.id);
    await t.db.transaction().execute(async (trx) => {
      for (const [k, id] of ids.entries()) await trx.updateTable('indicators').set({ latest_value_number: (all[k] as Case).actual }).where('id', '=', id).execute();
    });
    const rows = await t.db.selectFrom('indicators').select(['position', 'colour_rank']).orderBy('position').execute();
    expect(rows).toHaveLength(all.length);
    const disagreements = rows.flatMap((r) => {
      const c = all[r.position] as Case;
      const expected = assessIndicator({ operator: c.operator, value: c.target, valueMax: c.targetMax }, c.actual);
      const stored = COLOUR_OF_RANK[r.colour_rank];
      return expected === stored ? [] : [{ ...c, stored, domain: expected }];
    });
    expect(disagreements).toEqual([]);
    // Every colour is met, so the comparison above is not four times "grey".
    expect(new Set(rows.map((r) => r.colour_rank))).toEqual(new Set([0, 1, 2, 3]));
  });
});
