import { z } from 'zod';
import { recordAudit } from '../audit/service.ts';
import { publicHolidays } from '../domain/calendar.ts';
import { vietnamDate } from '../domain/time.ts';
import { refreshOpenPeriods } from '../periods/service.ts';
import { AppError } from '../errors.ts';
import { requireActor } from '../http/auth-hook.ts';
import { isoDate, requiredText } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { SETTINGS, type SettingKey, forgetCachedSettings, getSetting, setSetting } from './service.ts';

const KEYS = Object.keys(SETTINGS) as [SettingKey, ...SettingKey[]];
const settingView = z.object({ key: z.string(), label: z.string(), value: z.unknown(), default: z.unknown() });

export function settingRoutes(app: App, { db }: AppDeps): void {
  const tags = ['Cài đặt (settings)'];
  app.get('/api/settings', { schema: { tags, summary: 'Các cài đặt và giá trị hiện tại', response: { 200: z.array(settingView) } } }, async (req) => {
    requireActor(req);
    return Promise.all(KEYS.map(async (key) => ({ key, label: SETTINGS[key].label, value: await getSetting(db, key), default: SETTINGS[key].default })));
  });
  app.put(
    '/api/settings/:key',
    { schema: { tags, summary: 'Đổi một cài đặt (quản trị)', params: z.object({ key: z.enum(KEYS) }), body: z.object({ value: z.unknown() }), response: { 200: settingView } } },
    async (req) => {
      const key = req.params.key;
      const value = await setSetting(db, requireActor(req), key, req.body.value);
      if (key.startsWith('reporting.')) await refreshOpenPeriods(db, vietnamDate());
      return { key, label: SETTINGS[key].label, value, default: SETTINGS[key].default };
    },
  );

  const calTags = ['Lịch làm việc (calendar)'];
  const dayView = z.object({ date: z.string(), kind: z.string(), name: z.string() });
  app.get(
    '/api/calendar',
    {
      schema: {
        tags: calTags,
        summary: 'Ngày lễ, Tết (kể cả âm lịch) và ngày nghỉ, làm bù do Chính phủ công bố',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.object({ holidays: z.array(z.object({ date: z.string(), name: z.string() })), overrides: z.array(dayView) }) },
      },
    },
    async (req) => {
      requireActor(req);
      const year = req.query.year;
      const rows = await db.selectFrom('calendar_days').select(['on_date', 'kind', 'name']).where('on_date', '>=', `${year}-01-01`).where('on_date', '<=', `${year}-12-31`).orderBy('on_date').execute();
      return { holidays: publicHolidays(year), overrides: rows.map((r) => ({ date: r.on_date, kind: r.kind, name: r.name })) };
    },
  );
  app.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags: calTags,
        summary: 'Khai báo ngày nghỉ bù hoặc ngày làm bù (quản trị)',
        params: z.object({ date: isoDate }),
        body: z.object({ kind: z.enum(['day_off', 'working_day']), name: requiredText(200) }),
        response: { 200: dayView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (actor.role !== 'admin') throw new AppError('forbidden');
      const row = { on_date: req.params.date, kind: req.body.kind, name: req.body.name };
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('calendar_days').selectAll().where('on_date', '=', row.on_date).executeTakeFirst();
        await trx.insertInto('calendar_days').values(row).onConflict((oc) => oc.column('on_date').doUpdateSet({ kind: row.kind, name: row.name })).execute();
        await recordAudit(trx, actor, { action: before ? 'update' : 'create', entityType: 'calendar_day', entityId: row.on_date, before: before ?? null, after: row });
      });
      forgetCachedSettings(db);
      await refreshOpenPeriods(db, vietnamDate());
      return { date: row.on_date, kind: row.kind, name: row.name };
    },
  );
  app.delete('/api/calendar/days/:date', { schema: { tags: calTags, summary: 'Xóa ngày nghỉ bù/làm bù đã khai báo (quản trị)', params: z.object({ date: isoDate }), response: { 204: z.null() } } }, async (req, reply) => {
    const actor = requireActor(req);
    if (actor.role !== 'admin') throw new AppError('forbidden');
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('calendar_days').selectAll().where('on_date', '=', req.params.date).executeTakeFirst();
      if (!before) throw new AppError('not_found', 'Ngày này chưa được khai báo.');
      await trx.deleteFrom('calendar_days').where('on_date', '=', req.params.date).execute();
      await recordAudit(trx, actor, { action: 'delete', entityType: 'calendar_day', entityId: req.params.date, before });
    });
    forgetCachedSettings(db);
    await refreshOpenPeriods(db, vietnamDate());
    return reply.code(204).send(null);
  });
}
