import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, type Role } from '../auth/actor.ts';
import { refreshTaskStatus } from '../assignments/status.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { createDirective, createSection } from '../directives/service.ts';
import { parseTarget } from '../domain/targets.ts';
import { addDays, endOfMonthLabel, nowIso } from '../domain/time.ts';
import { foldVietnamese } from '../domain/vietnamese.ts';
import { haiDuongDistricts, provinceTemplate } from '../orgs/province-template.ts';
import { resolveOrgName } from '../orgs/resolve.ts';
import { loadOrgTemplate } from '../orgs/template-loader.ts';
import { createTask } from '../tasks/service.ts';
import { createUser } from '../users/service.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actorForUser } from '../auth/sessions.ts';
import { commitImport, splitSigner } from '../imports/commit.ts';
import { previewDocument } from '../imports/service.ts';
import { type DemoFixture, SEED_DIR, loadDemoFixtures } from './fixtures.ts';

/** The demo's accounts: one per role, all with this password (printed at start, listed in README). */
export const DEMO_PASSWORD = 'namro2025';
/** The demo's present: the day after its last sample month is reviewed (see DEMO_MONTHS). */
export const DEMO_TODAY = '2025-11-10';
export const DEMO_USERS: { username: string; fullName: string; role: Role; org: string; title: string }[] = [
  { username: 'admin', fullName: 'Quản trị Trung tâm CNTT', role: 'admin', org: 'Trung tâm Công nghệ thông tin', title: 'Quản trị hệ thống' },
  { username: 'coordinator', fullName: 'Nguyễn Thị Điều Phối', role: 'coordinator', org: 'Sở Khoa học và Công nghệ', title: 'Chuyên viên theo dõi Kế hoạch 726' },
  { username: 'office', fullName: 'Trần Văn Tổng Hợp', role: 'coordinator', org: 'Văn phòng UBND tỉnh', title: 'Chuyên viên Văn phòng UBND tỉnh' },
  { username: 'leader', fullName: 'Lê Văn Lãnh Đạo', role: 'leader', org: 'UBND tỉnh', title: 'Phó Chủ tịch UBND tỉnh' },
  { username: 'agency.leader', fullName: 'Phạm Thị Giám Đốc', role: 'agency_leader', org: 'Sở Y tế', title: 'Phó Giám đốc Sở Y tế' },
  { username: 'agency.staff', fullName: 'Đỗ Văn Đầu Mối', role: 'agency_staff', org: 'Sở Y tế', title: 'Chuyên viên đầu mối' },
  { username: 'commune.staff', fullName: 'Vũ Thị Cán Bộ', role: 'agency_staff', org: 'Sở Nội vụ', title: 'Chuyên viên đầu mối' },
  { username: 'inspector', fullName: 'Hoàng Văn Thanh Tra', role: 'inspector', org: 'Thanh tra tỉnh', title: 'Thanh tra viên' },
  { username: 'viewer', fullName: 'Người Xem', role: 'viewer', org: 'Văn phòng UBND tỉnh', title: 'Cán bộ theo dõi' },
];

const DEMO_MARKER = 'demo.seeded';

/** Whether this database holds the complete demo (and so may be reset without losing real work). */
export async function isDemoDatabase(db: Kysely<Database>): Promise<boolean> {
  return Boolean(await db.selectFrom('settings').select('key').where('key', '=', DEMO_MARKER).executeTakeFirst());
}

/** Deterministic pseudo-random numbers, so every demo database is the same. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function orgIdByName(db: Kysely<Database>, name: string): Promise<number> {
  const r = await resolveOrgName(db, name);
  if (!r.org) throw new Error(`demo: organisation "${name}" is not in the directory`);
  return r.org.id;
}


const COORDINATORS: Record<string, string> = {
  plan: 'Sở Khoa học và Công nghệ',
  official_letter: 'Sở Khoa học và Công nghệ',
  conclusion_notice: 'Văn phòng UBND tỉnh',
};

/**
 * The demo goes through the importer, as a coordinator would: the seed document is read, previewed and
 * confirmed. Where the importer still reads less than the hand-checked extraction (seed 002, whose text is
 * damaged), the checked extraction is loaded instead; null says so.
 */
async function importSeed(db: Kysely<Database>, fx: DemoFixture): Promise<number | null> {
  const { preview, text } = await previewDocument(db, { bytes: readFileSync(join(SEED_DIR, fx.directive.sourceFile)), filename: fx.directive.sourceFile });
  if (preview.tasks.length < fx.tasks.length || preview.indicators.length < fx.indicators.length) return null;
  const officePlan = fx.directive.issuer.startsWith('Văn phòng');
  const username = !officePlan && (fx.directive.kind === 'plan' || fx.directive.kind === 'official_letter') ? 'coordinator' : 'office';
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  // A document whose number was left blank gets the one the demo knows it by.
  if (!preview.directive.number || !/^\d/.test(preview.directive.number)) preview.directive.number = fx.directive.number.trim() || preview.directive.number;
  preview.directive.title ??= fx.directive.title;
  const result = await commitImport(db, await actorForUser(db, user, 'system'), preview, text);
  return result.directiveId;
}

async function loadDirective(db: Kysely<Database>, fx: DemoFixture): Promise<number> {
  const d = fx.directive;
  const signer = splitSigner(d.signer);
  const officePlan = d.issuer.startsWith('Văn phòng');
  const coordinator = officePlan ? 'Văn phòng UBND tỉnh' : (COORDINATORS[d.kind] ?? 'Văn phòng UBND tỉnh');
  const directive = await createDirective(db, SYSTEM_ACTOR, {
    number: d.number.trim() || 'Công văn (chưa ghi số)',
    kind: d.kind,
    title: d.title,
    issuerName: d.issuer,
    issuerOrgId: await orgIdByName(db, officePlan ? 'Văn phòng UBND tỉnh' : 'UBND tỉnh'),
    signerName: signer.name,
    signerTitle: signer.title,
    issuedOn: d.issuedOn ?? null,
    coordinatorOrgId: await orgIdByName(db, coordinator),
    reportingDay: d.reportingDay ?? null,
    meetingDay: d.meetingDay ?? null,
    implements: d.implements,
    fullText: null,
  });
  const sectionIds = new Map<string, number>();
  for (const s of fx.sections) {
    const section = await createSection(db, SYSTEM_ACTOR, directive.id, { code: s.code, title: s.title });
    sectionIds.set(s.code, section.id);
  }
  let position = 0;
  for (const t of fx.tasks) {
    await createTask(db, SYSTEM_ACTOR, {
      directiveId: directive.id,
      sectionId: t.section ? (sectionIds.get(t.section) ?? null) : null,
      ordinal: t.ordinal,
      title: t.title,
      product: t.product ?? null,
      deadlineText: t.deadline ?? null,
      leads: t.leads.map((name) => ({ name })),
      coordinators: t.coordinators.map((name) => ({ name })),
      sourceText: t.sourceText,
      position: position++,
    });
  }
  await loadIndicators(db, directive.id, fx);
  return directive.id;
}

async function loadIndicators(db: Kysely<Database>, directiveId: number, fx: DemoFixture): Promise<void> {
  const ids = new Map<string, number>();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    let position = 0;
    for (const ind of fx.indicators) {
      const target = parseTarget(ind.target);
      const row = await trx
        .insertInto('indicators')
        .values({
          directive_id: directiveId,
          parent_id: ind.parent ? (ids.get(ind.parent) ?? null) : null,
          code: ind.code,
          name: ind.name,
          unit: ind.unit ?? null,
          target_text: ind.target,
          target_operator: target.operator,
          target_value: target.value,
          target_value_max: target.valueMax,
          horizon_year: ind.horizonYear ?? null,
          position: position++,
          search_text: foldVietnamese(`${ind.code} ${ind.name}`),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(ind.code, row.id);
      for (const name of ind.monitoring) {
        const r = await resolveOrgName(trx, name);
        await trx.insertInto('indicator_orgs').values({ indicator_id: row.id, org_id: r.org?.id ?? null, name_as_written: name }).execute();
      }
      await recordAudit(trx, SYSTEM_ACTOR, { action: 'create', entityType: 'indicator', entityId: row.id, after: ind });
    }
  });
}

const DEMO_MONTHS = ['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10'];

/**
 * Eight months of the monthly cycle for the directives that ask for reports: most agencies report on
 * time and finish on time, a tail reports late or finishes late, and a few tasks are overdue.
 */
async function loadSampleCycle(db: Kysely<Database>, directiveId: number, reportingDay: number, meetingDay: number | null, seed: number): Promise<void> {
  const random = prng(seed);
  const reporter = await db.selectFrom('users').select('id').where('username', '=', 'agency.leader').executeTakeFirstOrThrow();
  const reviewer = await db.selectFrom('users').select('id').where('username', '=', 'coordinator').executeTakeFirstOrThrow();
  const periods: { id: number; month: string; dueOn: string }[] = [];
  for (const month of DEMO_MONTHS) {
    const dueOn = `${month}-${String(reportingDay).padStart(2, '0')}`;
    const row = await db
      .insertInto('reporting_periods')
      .values({ directive_id: directiveId, kind: 'month', label: month, starts_on: `${month}-01`, ends_on: endOfMonthLabel(month), due_on: dueOn, meeting_on: meetingDay ? `${month}-${String(meetingDay).padStart(2, '0')}` : null, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    periods.push({ id: row.id, month, dueOn });
  }
  const assignments = await db
    .selectFrom('assignments')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .select(['assignments.id', 'assignments.task_id', 'assignments.due_on', 'tasks.deadline_kind', 'tasks.title'])
    .where('tasks.directive_id', '=', directiveId)
    .orderBy('assignments.id')
    .execute();
  const taskIds = new Set<number>();
  await db.transaction().execute(async (trx) => {
    for (const a of assignments) {
      taskIds.add(a.task_id);
      const finishes = a.due_on !== null && a.due_on < '2025-11-01' && random() < 0.7;
      const lateFinish = finishes && random() < 0.15;
      const completedOn = finishes && a.due_on ? addDays(a.due_on, lateFinish ? 3 + Math.floor(random() * 20) : -Math.floor(random() * 25)) : null;
      let progress = 0;
      for (const p of periods) {
        if (completedOn && `${p.month}-01` > completedOn) break;
        const roll = random();
        if (roll < 0.05) continue; // a few agencies skip a month
        const late = roll > 0.88;
        progress = Math.min(completedOn ? 100 : 90, progress + 10 + Math.floor(random() * 25));
        const submittedAt = `${addDays(p.dueOn, late ? 1 + Math.floor(random() * 6) : -Math.floor(random() * 5))}T03:00:00.000Z`;
        const returned = random() < 0.08;
        // The last month is still being reviewed: some reports wait in the coordinator's queue.
        const awaitingReview = p.month === DEMO_MONTHS[DEMO_MONTHS.length - 1] && random() < 0.3;
        await trx
          .insertInto('progress_reports')
          .values({
            assignment_id: a.id,
            period_id: p.id,
            state: awaitingReview ? 'submitted' : 'accepted',
            results: `Tháng ${p.month.slice(5)}/${p.month.slice(0, 4)}: đã triển khai các nội dung "${a.title.slice(0, 80)}"; tiến độ đạt khoảng ${progress}%.`,
            progress,
            obstacles: random() < 0.25 ? 'Kinh phí thực hiện chưa được bố trí kịp thời; nhân lực chuyên trách còn thiếu.' : null,
            proposals: random() < 0.15 ? 'Đề nghị Sở Tài chính sớm tham mưu bố trí kinh phí.' : null,
            responsible_person: 'Đỗ Văn Đầu Mối',
            late: late ? 1 : 0,
            return_count: returned ? 1 : 0,
            drafted_by: reporter.id,
            drafted_at: submittedAt,
            submitted_by: reporter.id,
            submitted_at: submittedAt,
            reviewed_by: awaitingReview ? null : reviewer.id,
            reviewed_at: awaitingReview ? null : `${addDays(p.dueOn, 3)}T03:00:00.000Z`,
            review_comment: returned && !awaitingReview ? 'Đề nghị bổ sung số liệu cụ thể (đã bổ sung).' : null,
            created_at: submittedAt,
            updated_at: submittedAt,
          })
          .execute();
        await trx.updateTable('assignments').set({ last_report_at: submittedAt }).where('id', '=', a.id).execute();
      }
      await trx
        .updateTable('assignments')
        .set({ progress: completedOn ? 100 : progress, ...(completedOn ? { state: 'completed', completed_on: completedOn } : {}), updated_at: nowIso() })
        .where('id', '=', a.id)
        .execute();
    }
    for (const taskId of taskIds) await refreshTaskStatus(trx, taskId);
  });
}

export interface DemoSummary {
  orgs: number;
  directives: number;
  tasks: number;
  assignments: number;
  reports: number;
  users: number;
}

/** Fills an empty database with the demo province; does nothing when data is already there. */
export async function seedDemo(db: Kysely<Database>): Promise<DemoSummary | null> {
  if (await isDemoDatabase(db)) return null;
  const existing = await db.selectFrom('orgs').select('id').limit(1).execute();
  if (existing.length) {
    throw new AppError('invalid_state', 'CSDL này đã có dữ liệu nhưng không phải dữ liệu trình diễn hoàn chỉnh; hãy dùng một CSDL riêng cho bản trình diễn (hoặc --reset nếu đó là CSDL trình diễn bị gián đoạn).');
  }
  await loadOrgTemplate(db, SYSTEM_ACTOR, [...provinceTemplate({ code: 'HD', name: 'Hải Dương' }), ...haiDuongDistricts()]);
  for (const u of DEMO_USERS) {
    await createUser(db, SYSTEM_ACTOR, { username: u.username, fullName: u.fullName, role: u.role, orgId: await orgIdByName(db, u.org), title: u.title, password: DEMO_PASSWORD, email: `${u.username.replace('.', '-')}@demo.namro.local` });
  }
  let seed = 57;
  for (const fx of loadDemoFixtures()) {
    const id = (await importSeed(db, fx)) ?? (await loadDirective(db, fx));
    const directive = await db.selectFrom('directives').select(['reporting_day', 'meeting_day']).where('id', '=', id).executeTakeFirstOrThrow();
    const tasks = await db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('directive_id', '=', id).executeTakeFirstOrThrow();
    if (directive.reporting_day && Number(tasks.n) > 5) await loadSampleCycle(db, id, directive.reporting_day, directive.meeting_day, seed++);
  }
  // Written last: a demo interrupted half-way is recognisable as such.
  await db.insertInto('settings').values({ key: DEMO_MARKER, value_json: 'true', updated_by: null, updated_at: nowIso() }).execute();
  const count = async (table: 'orgs' | 'directives' | 'tasks' | 'assignments' | 'progress_reports' | 'users') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    orgs: await count('orgs'),
    directives: await count('directives'),
    tasks: await count('tasks'),
    assignments: await count('assignments'),
    reports: await count('progress_reports'),
    users: await count('users'),
  };
}
