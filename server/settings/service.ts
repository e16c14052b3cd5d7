import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { databaseKey } from '../db/per-database.ts';
import { type CalendarOverride, WorkingCalendar } from '../domain/calendar.ts';
import { DEFAULT_WEIGHTS } from '../domain/scoring.ts';
import { DEFAULT_DUE_SOON_DAYS } from '../domain/status.ts';
import { nowIso } from '../domain/time.ts';
import { AppError } from '../errors.ts';

/** Every setting with its schema and default: one place, typed, validated on write. */
export const SETTINGS = {
  'reporting.dueDay': { schema: z.number().int().min(1).max(31), default: 20, label: 'Ngày nộp báo cáo hằng tháng khi văn bản không quy định' },
  'reporting.meetingDay': { schema: z.number().int().min(1).max(31).nullable(), default: null, label: 'Ngày họp giao ban hằng tháng khi văn bản không quy định' },
  'reminders.reportDaysBefore': { schema: z.number().int().min(0).max(15), default: 3, label: 'Nhắc nộp báo cáo trước ngày đến hạn (ngày)' },
  'reminders.deadlineDays': { schema: z.array(z.number().int().min(1).max(60)).max(5), default: [7, 3, 1], label: 'Cảnh báo sắp đến hạn nhiệm vụ trước (ngày)' },
  'reminders.overdueRepeatDays': { schema: z.number().int().min(1).max(60), default: 7, label: 'Nhắc lại việc quá hạn sau mỗi (ngày)' },
  'reminders.escalateAfter': { schema: z.number().int().min(1).max(20), default: 3, label: 'Báo lãnh đạo sau số lần nhắc quá hạn' },
  'reminders.hour': { schema: z.number().int().min(0).max(23), default: 7, label: 'Giờ chạy nhắc việc và gửi thư tổng hợp hằng ngày' },
  'scoring.weights': {
    schema: z.object({ completion: z.number().min(0).max(100), timeliness: z.number().min(0).max(100), reporting: z.number().min(0).max(100), quality: z.number().min(0).max(100) }).refine((w) => w.completion + w.timeliness + w.reporting + w.quality === 100, { message: 'Tổng các trọng số phải bằng 100' }),
    default: DEFAULT_WEIGHTS,
    label: 'Trọng số chấm điểm: hoàn thành, đúng hạn, báo cáo đúng hạn, báo cáo đạt yêu cầu (tổng 100)',
  },
  'status.dueSoonDays': { schema: z.number().int().min(1).max(60), default: DEFAULT_DUE_SOON_DAYS, label: 'Số ngày trước hạn coi là "sắp đến hạn"' },
} as const;
export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

/**
 * Settings and the calendar are read on every status computation and every report save; they change rarely.
 * A short cache per database saves those queries; writes through this module clear it after they commit, and
 * other instances on the same PostgreSQL see a change within CACHE_MS.
 */
const CACHE_MS = 30_000;
const cache = new WeakMap<object, Map<string, { at: number; value: unknown }>>();

function cached<T>(db: Kysely<Database>, key: string, load: () => Promise<T>): Promise<T> {
  let entries = cache.get(databaseKey(db));
  if (!entries) {
    entries = new Map();
    cache.set(databaseKey(db), entries);
  }
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return Promise.resolve(hit.value as T);
  return load().then((value) => {
    entries.set(key, { at: Date.now(), value });
    return value;
  });
}
/** After a write of settings or calendar days through `db`. */
export function forgetCachedSettings(db: Kysely<Database>): void {
  cache.delete(databaseKey(db));
}

export async function getSetting<K extends SettingKey>(db: Kysely<Database>, key: K): Promise<SettingValue<K>> {
  return cached(db, `setting:${key}`, () => readSetting(db, key));
}

async function readSetting<K extends SettingKey>(db: Kysely<Database>, key: K): Promise<SettingValue<K>> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  if (!row) return SETTINGS[key].default as SettingValue<K>;
  const parsed = SETTINGS[key].schema.safeParse(JSON.parse(row.value_json));
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(db: Kysely<Database>, actor: Actor, key: K, value: unknown): Promise<SettingValue<K>> {
  if (actor.role !== 'admin') throw new AppError('forbidden');
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) throw new AppError('validation_failed', `Giá trị không hợp lệ cho "${SETTINGS[key].label}".`);
  await db.transaction().execute(async (trx) => {
    const before = await readSetting(trx, key);
    const row = { key, value_json: JSON.stringify(parsed.data), updated_by: actor.userId || null, updated_at: nowIso() };
    await trx.insertInto('settings').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value_json: row.value_json, updated_by: row.updated_by, updated_at: row.updated_at })).execute();
    await recordAudit(trx, actor, { action: 'update', entityType: 'setting', entityId: key, before, after: parsed.data });
  });
  forgetCachedSettings(db);
  return parsed.data as SettingValue<K>;
}

/** The working calendar with the Government's announced swaps (calendar_days) applied. */
export async function loadCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  return cached(db, 'calendar', () => readCalendar(db));
}

async function readCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  const rows = await db.selectFrom('calendar_days').select(['on_date', 'kind', 'name']).execute();
  const overrides: CalendarOverride[] = rows.map((r) => ({ date: r.on_date, kind: r.kind === 'working_day' ? 'working_day' : 'day_off', name: r.name }));
  return new WorkingCalendar(overrides);
}
