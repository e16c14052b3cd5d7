import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { assessIndicator, type IndicatorColour } from '../domain/indicator-progress.ts';
import type { DashboardView } from './schemas.ts';

const MAX_INDICATORS = 100;
/** The order of attention, as indicators.colour_rank (migration 0006) numbers it: red 0, orange 1, grey 2, green 3. */
const COLOUR_OF_RANK: readonly IndicatorColour[] = ['red', 'orange', 'grey', 'green'];
const rankOf = (colour: IndicatorColour) => COLOUR_OF_RANK.indexOf(colour);

interface LatestValue {
  indicator_id: number;
  value_number: number | null;
  value_text: string | null;
  label: string;
}

interface InView {
  directiveId?: number | undefined;
  orgId?: number | undefined;
  /** The directives an agency's scope works on; undefined: all. */
  directiveIds?: readonly number[] | undefined;
}

function indicatorsInView(db: Kysely<Database>, f: InView) {
  let base = db.selectFrom('indicators');
  if (f.directiveId) base = base.where('indicators.directive_id', '=', f.directiveId);
  if (f.directiveIds) base = base.where('indicators.directive_id', 'in', f.directiveIds.length ? [...f.directiveIds] : [-1]);
  if (f.orgId) {
    const orgId = f.orgId;
    base = base.where((eb) => eb.exists(eb.selectFrom('indicator_orgs').select('indicator_orgs.id').whereRef('indicator_orgs.indicator_id', '=', 'indicators.id').where('indicator_orgs.org_id', '=', orgId)));
  }
  return base;
}

const isFiltered = (f: InView) => Boolean(f.directiveId || f.orgId || f.directiveIds);

const COLUMNS = ['indicators.id', 'indicators.directive_id', 'directives.number', 'indicators.code', 'indicators.name', 'indicators.unit', 'indicators.target_text', 'indicators.target_operator', 'indicators.target_value', 'indicators.target_value_max'] as const;

interface IndicatorRow {
  id: number;
  directive_id: number;
  number: string;
  code: string;
  name: string;
  unit: string | null;
  target_text: string;
  value_number: number | null;
  value_text: string | null;
  label: string | null;
}

const item = (i: IndicatorRow, colour: IndicatorColour) => ({
  id: i.id,
  directiveId: i.directive_id,
  directiveNumber: i.number,
  code: i.code,
  name: i.name,
  unit: i.unit,
  targetText: i.target_text,
  latestValue: i.value_number ?? null,
  latestText: i.value_text ?? null,
  latestPeriod: i.label ?? null,
  colour,
});

/** Indicators of the directives in view with their latest value up to the date and its colour against the target. */
export async function indicatorSummary(db: Kysely<Database>, f: InView, asOf: string, live: boolean): Promise<DashboardView['indicators']> {
  return live ? liveSummary(db, f) : pastSummary(db, f, asOf);
}

/**
 * Today: each indicator's colour is kept in its row (migration 0006, from the latest value the triggers follow),
 * so the database counts them by colour from an index and hands over the 100 that need attention first
 * (red, orange, grey, green; then by directive and position) — a country has 20,000.
 */
async function liveSummary(db: Kysely<Database>, f: InView): Promise<DashboardView['indicators']> {
  const [counted, rows] = await Promise.all([
    indicatorsInView(db, f)
      .select(['indicators.colour_rank', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('indicators.colour_rank')
      .execute(),
    indicatorsInView(db, f)
      .innerJoin('directives', 'directives.id', 'indicators.directive_id')
      .leftJoin('indicator_values', 'indicator_values.id', 'indicators.latest_value_id')
      .leftJoin('reporting_periods', 'reporting_periods.id', 'indicator_values.period_id')
      .select([...COLUMNS, 'indicators.colour_rank', 'indicator_values.value_number', 'indicator_values.value_text', 'reporting_periods.label'])
      .orderBy('indicators.colour_rank')
      .orderBy('indicators.directive_id')
      .orderBy('indicators.position')
      .limit(MAX_INDICATORS)
      .execute(),
  ]);
  const colourOf = (rank: number) => COLOUR_OF_RANK[rank] ?? 'grey';
  const byColour = { green: 0, orange: 0, red: 0, grey: 0 };
  for (const c of counted) byColour[colourOf(c.colour_rank)] += Number(c.n);
  return { byColour, total: Object.values(byColour).reduce((a, b) => a + b, 0), items: rows.map((r) => item(r, colourOf(r.colour_rank))) };
}

/**
 * A past month: the latest value up to its end per indicator in view, coloured in JavaScript. The stored colour is
 * today's only, so the whole country's past month still judges its 20,000 indicators here (about 100 ms at L).
 */
async function pastSummary(db: Kysely<Database>, f: InView, asOf: string): Promise<DashboardView['indicators']> {
  const indicators = await withLatestAt(db, f, asOf, await indicatorsInView(db, f).innerJoin('directives', 'directives.id', 'indicators.directive_id').select(COLUMNS).orderBy('indicators.directive_id').orderBy('indicators.position').execute());
  const byColour = { green: 0, orange: 0, red: 0, grey: 0 };
  const items = indicators.map((i) => {
    const colour = assessIndicator({ operator: i.target_operator, value: i.target_value, valueMax: i.target_value_max }, i.value_number ?? null);
    byColour[colour]++;
    return item(i, colour);
  });
  // The ones that need attention first (a stable sort keeps directive and position within a colour).
  const shown = [...items].sort((a, b) => rankOf(a.colour) - rankOf(b.colour)).slice(0, MAX_INDICATORS);
  return { byColour, total: items.length, items: shown };
}

/** Each indicator with its latest value up to a past date. */
async function withLatestAt<T extends { id: number }>(db: Kysely<Database>, f: InView, asOf: string, indicators: T[]): Promise<(T & { value_number: number | null; value_text: string | null; label: string | null })[]> {
  if (!indicators.length) return [];
  const latest = new Map((await latestAt(db, f, asOf)).map((v) => [v.indicator_id, v]));
  return indicators.map((i) => {
    const v = latest.get(i.id);
    return { ...i, value_number: v?.value_number ?? null, value_text: v?.value_text ?? null, label: v?.label ?? null };
  });
}

/**
 * At a past date: the latest period's start per indicator up to the date, grouped in SQL (an indicator's whole
 * history is never fetched), then that period's value; a tie keeps the last entered.
 */
function latestAt(db: Kysely<Database>, f: InView, asOf: string): Promise<LatestValue[]> {
  const latestStart = db
    .selectFrom('indicator_values as lv')
    .innerJoin('reporting_periods as lp', 'lp.id', 'lv.period_id')
    .select('lv.indicator_id')
    .select((eb) => eb.fn.max('lp.starts_on').as('starts_on'))
    .where('lv.state', '!=', 'returned')
    .where('lp.starts_on', '<=', asOf)
    .$if(isFiltered(f), (qb) => qb.where('lv.indicator_id', 'in', indicatorsInView(db, f).select('indicators.id')))
    .groupBy('lv.indicator_id');
  return db
    .selectFrom('indicator_values')
    .innerJoin('reporting_periods', 'reporting_periods.id', 'indicator_values.period_id')
    .innerJoin(latestStart.as('l'), (j) => j.onRef('l.indicator_id', '=', 'indicator_values.indicator_id').onRef('l.starts_on', '=', 'reporting_periods.starts_on'))
    .select(['indicator_values.indicator_id', 'indicator_values.value_number', 'indicator_values.value_text', 'reporting_periods.label'])
    .where('indicator_values.state', '!=', 'returned')
    .orderBy('indicator_values.id')
    .execute();
}
