import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { assessIndicator, isIndicatorNumber } from '../domain/indicator-progress.ts';
import { nowIso, vietnamDate } from '../domain/time.ts';
import { findDirective } from '../directives/service.ts';
import { AppError, transitioned } from '../errors.ts';
import { optionalText } from '../http/schemas.ts';
import { dateInPeriodLabel, ensurePeriod } from '../periods/service.ts';
import { periodLabel } from '../reports/schemas.ts';

export const valueBody = z
  .object({
    period: periodLabel,
    valueNumber: z
      .number()
      .refine(isIndicatorNumber, { message: 'Giá trị số phải nằm trong khoảng ±10^15 và, nếu khác 0, không nhỏ hơn 10^-9' })
      .nullish(),
    valueText: optionalText(1000),
    source: optionalText(1000).describe('Nguồn số liệu (văn bản, hệ thống, cơ quan thống kê)'),
  })
  .refine((v) => v.valueNumber != null || Boolean(v.valueText), { message: 'Cần nhập giá trị (số hoặc mô tả)' });
export const verifyBody = z.object({ decision: z.enum(['verify', 'return']) });

const valueView = z.object({ id: z.number(), period: z.string(), valueNumber: z.number().nullable(), valueText: z.string().nullable(), source: z.string().nullable(), state: z.string(), enteredAt: z.string(), verifiedAt: z.string().nullable() });
export const indicatorView = z.object({
  id: z.number(),
  code: z.string(),
  parentId: z.number().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  target: z.object({ text: z.string(), operator: z.string(), value: z.number().nullable(), valueMax: z.number().nullable() }),
  horizonYear: z.number().nullable(),
  monitors: z.array(z.object({ orgId: z.number().nullable(), name: z.string() })),
  latest: valueView.nullable(),
  colour: z.enum(['green', 'orange', 'red', 'grey']),
  history: z.array(valueView),
});

async function loadIndicator(db: Kysely<Database>, id: number) {
  const indicator = await db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!indicator) throw new AppError('not_found', `Không tìm thấy chỉ tiêu #${id}.`);
  const monitors = await db.selectFrom('indicator_orgs').select(['org_id', 'name_as_written']).where('indicator_id', '=', id).execute();
  return { indicator, monitors, directive: await findDirective(db, indicator.directive_id) };
}

/** The indicators of a directive with their latest value, its colour against the target, and the history. */
export async function listIndicators(db: Kysely<Database>, directiveId: number): Promise<z.infer<typeof indicatorView>[]> {
  await findDirective(db, directiveId);
  const indicators = await db.selectFrom('indicators').selectAll().where('directive_id', '=', directiveId).orderBy('position').execute();
  const ids = indicators.length ? indicators.map((i) => i.id) : [-1];
  const [monitors, values] = await Promise.all([
    db.selectFrom('indicator_orgs').select(['indicator_id', 'org_id', 'name_as_written']).where('indicator_id', 'in', ids).execute(),
    db.selectFrom('indicator_values').innerJoin('reporting_periods', 'reporting_periods.id', 'indicator_values.period_id').selectAll('indicator_values').select(['reporting_periods.label', 'reporting_periods.starts_on']).where('indicator_id', 'in', ids).orderBy('reporting_periods.starts_on').execute(),
  ]);
  return indicators.map((i) => {
    const history = values
      .filter((v) => v.indicator_id === i.id && v.state !== 'returned')
      .map((v) => ({ id: v.id, period: v.label, valueNumber: v.value_number, valueText: v.value_text, source: v.source, state: v.state, enteredAt: v.entered_at, verifiedAt: v.verified_at }));
    const latest = history.at(-1) ?? null;
    const target = { operator: i.target_operator, value: i.target_value, valueMax: i.target_value_max };
    return {
      id: i.id,
      code: i.code,
      parentId: i.parent_id,
      name: i.name,
      unit: i.unit,
      target: { text: i.target_text, ...target },
      horizonYear: i.horizon_year,
      monitors: monitors.filter((m) => m.indicator_id === i.id).map((m) => ({ orgId: m.org_id, name: m.name_as_written })),
      latest,
      colour: assessIndicator(target, latest?.valueNumber ?? null),
      history,
    };
  });
}

export async function enterValue(db: Kysely<Database>, actor: Actor, indicatorId: number, input: z.infer<typeof valueBody>) {
  return db.transaction().execute(async (trx) => {
    const { indicator, monitors, directive } = await loadIndicator(trx, indicatorId);
    const monitorIds = monitors.map((m) => m.org_id).filter((id): id is number => id !== null);
    if (!policies.indicator.enter(actor, monitorIds, directive)) throw new AppError('forbidden', 'Chỉ cơ quan theo dõi chỉ tiêu mới nhập giá trị.');
    const period = await ensurePeriod(trx, directive, dateInPeriodLabel(input.period));
    if (period.starts_on > vietnamDate()) throw new AppError('validation_failed', `Kỳ ${period.label} chưa bắt đầu; không nhập số liệu cho tương lai.`, { fields: [{ field: 'body.period', message: 'Kỳ chưa bắt đầu' }] });
    const existing = await trx.selectFrom('indicator_values').selectAll().where('indicator_id', '=', indicatorId).where('period_id', '=', period.id).executeTakeFirst();
    if (existing?.state === 'verified') throw new AppError('invalid_state', 'Giá trị của kỳ này đã được xác nhận; không sửa được.');
    const fields = { value_number: input.valueNumber ?? null, value_text: input.valueText ?? null, source: input.source ?? null, state: 'entered', entered_by: actor.userId, entered_at: nowIso(), verified_by: null, verified_at: null };
    const row = existing
      ? await trx.updateTable('indicator_values').set(fields).where('id', '=', existing.id).where('state', '!=', 'verified').returningAll().executeTakeFirst().then(transitioned)
      : await trx.insertInto('indicator_values').values({ ...fields, indicator_id: indicatorId, period_id: period.id }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: existing ? 'update' : 'create', entityType: 'indicator_value', entityId: row.id, before: existing ?? null, after: { ...row, indicator: indicator.code } });
    return { id: row.id, period: period.label, valueNumber: row.value_number, valueText: row.value_text, source: row.source, state: row.state, enteredAt: row.entered_at, verifiedAt: row.verified_at };
  });
}

export async function verifyValue(db: Kysely<Database>, actor: Actor, valueId: number, decision: 'verify' | 'return') {
  return db.transaction().execute(async (trx) => {
    const value = await trx.selectFrom('indicator_values').selectAll().where('id', '=', valueId).executeTakeFirst();
    if (!value) throw new AppError('not_found', `Không tìm thấy giá trị #${valueId}.`);
    const { directive } = await loadIndicator(trx, value.indicator_id);
    if (!policies.indicator.verify(actor, directive)) throw new AppError('forbidden', 'Chỉ cơ quan theo dõi văn bản mới xác nhận số liệu.');
    if (value.state !== 'entered') throw new AppError('invalid_state', 'Chỉ xác nhận được giá trị vừa nhập.');
    const row = await trx
      .updateTable('indicator_values')
      .set({ state: decision === 'verify' ? 'verified' : 'returned', verified_by: actor.userId, verified_at: nowIso() })
      .where('id', '=', valueId)
      .where('state', '=', 'entered')
      .returningAll()
      .executeTakeFirst()
      .then(transitioned);
    await recordAudit(trx, actor, { action: decision, entityType: 'indicator_value', entityId: valueId, before: { state: value.state }, after: { state: row.state } });
    const period = await trx.selectFrom('reporting_periods').select('label').where('id', '=', row.period_id).executeTakeFirstOrThrow();
    return { id: row.id, period: period.label, valueNumber: row.value_number, valueText: row.value_text, source: row.source, state: row.state, enteredAt: row.entered_at, verifiedAt: row.verified_at };
  });
}

export { valueView };
