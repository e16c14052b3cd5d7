/**
 * Generates a realistic dataset at a scale (issue 7): provinces with their UBND, office, departments and
 * communes, ministries; plans of ~80–100 tasks, each led by one agency with coordinating agencies;
 * twelve months of reports where most agencies report on time, a tail reports late, a few stop; indicator
 * values. Status classes are computed with the same rules the server uses, so the data is consistent.
 */
import { hashPassword } from '../../server/auth/passwords.ts';
import { addDays, endOfMonthLabel, vietnamDate } from '../../server/domain/time.ts';
import { rollUpStatus, statusClassOf } from '../../server/domain/status.ts';
import { foldVietnamese, vietnameseSortKey } from '../../server/domain/vietnamese.ts';
import { Random } from './random.ts';
import type { Scale } from './scales.ts';
import type { BulkSink, Row } from './sink.ts';
import { obstacle, product, reportText, taskTitle } from './vietnamese-text.ts';

export const GENERATED_PASSWORD = 'namro2025';
const BATCH = 20_000;

const PROVINCE_NAMES = ['Hà Nội', 'Hải Phòng', 'Huế', 'Đà Nẵng', 'Cần Thơ', 'TP. Hồ Chí Minh', 'Cao Bằng', 'Điện Biên', 'Hà Tĩnh', 'Lai Châu', 'Lạng Sơn', 'Nghệ An', 'Quảng Ninh', 'Thanh Hóa', 'Sơn La', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Ninh Bình', 'Quảng Trị', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Đồng Nai', 'Tây Ninh', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang'];
const DEPARTMENTS = ['Sở Tài chính', 'Sở Nội vụ', 'Sở Tư pháp', 'Sở Khoa học và Công nghệ', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Xây dựng', 'Sở Công Thương', 'Sở Nông nghiệp và Môi trường', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Ngoại vụ', 'Sở Dân tộc và Tôn giáo', 'Thanh tra tỉnh', 'Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh', 'Thuế tỉnh', 'Bảo hiểm xã hội tỉnh', 'Ngân hàng Nhà nước chi nhánh tỉnh', 'Báo và Phát thanh, Truyền hình tỉnh', 'Ban Quản lý các khu công nghiệp', 'Trường Cao đẳng Y tế', 'Trung tâm Phục vụ hành chính công', 'Đài Khí tượng thủy văn', 'Kho bạc Nhà nước khu vực', 'Cục Thống kê tỉnh'];
const MINISTRIES = ['Bộ Khoa học và Công nghệ', 'Bộ Công an', 'Bộ Tài chính', 'Bộ Nội vụ', 'Bộ Y tế', 'Bộ Giáo dục và Đào tạo', 'Bộ Xây dựng', 'Bộ Công Thương', 'Bộ Nông nghiệp và Môi trường', 'Bộ Tư pháp'];

export interface DatasetSummary {
  scale: string;
  today: string;
  orgs: number;
  users: number;
  directives: number;
  tasks: number;
  assignments: number;
  reports: number;
  indicatorValues: number;
  seconds: number;
}

interface OrgRef {
  id: number;
  name: string;
}

interface Province {
  root: OrgRef;
  office: OrgRef;
  departments: OrgRef[];
  communes: OrgRef[];
}

/** Buffers rows per table and writes them in batches. */
class Writer {
  private buffers = new Map<string, { columns: readonly string[]; rows: Row[] }>();
  readonly counts = new Map<string, number>();

  constructor(private readonly sink: BulkSink) {}

  async add(table: string, columns: readonly string[], row: Row): Promise<void> {
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = { columns, rows: [] };
      this.buffers.set(table, buffer);
    }
    buffer.rows.push(row);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    if (buffer.rows.length >= BATCH) await this.flush();
  }

  /** Writes every buffer, parents before children, so foreign keys hold at each step. */
  async flush(): Promise<void> {
    for (const name of GENERATED_TABLES) {
      const buffer = this.buffers.get(name);
      if (!buffer || buffer.rows.length === 0) continue;
      await this.sink.insert(name, buffer.columns, buffer.rows);
      buffer.rows = [];
    }
  }
}

const ORG_COLUMNS = ['id', 'code', 'name', 'short_name', 'kind', 'parent_id', 'valid_from', 'valid_to', 'member_kinds', 'position', 'name_search', 'sort_key', 'email', 'created_at', 'updated_at'];
const USER_COLUMNS = ['id', 'username', 'email', 'full_name', 'title', 'phone', 'org_id', 'role', 'password_hash', 'active', 'locale', 'mail_mode', 'failed_logins', 'name_search', 'created_at', 'updated_at'];
const DIRECTIVE_COLUMNS = ['id', 'number', 'kind', 'issuer_org_id', 'issuer_name', 'signer_name', 'signer_title', 'issued_on', 'title', 'coordinator_org_id', 'reporting_day', 'meeting_day', 'report_frequency', 'state', 'open_data', 'open_data_reports', 'search_text', 'created_at', 'updated_at'];
const SECTION_COLUMNS = ['id', 'directive_id', 'parent_id', 'code', 'title', 'position'];
const TASK_COLUMNS = ['id', 'directive_id', 'section_id', 'ordinal', 'position', 'title', 'product', 'deadline_text', 'deadline_kind', 'due_on', 'field', 'status_class', 'search_text', 'sort_key', 'created_at', 'updated_at'];
const TASK_ORG_COLUMNS = ['id', 'task_id', 'org_id', 'role', 'name_as_written', 'position'];
const ASSIGNMENT_COLUMNS = ['id', 'task_id', 'org_id', 'state', 'status_class', 'progress', 'original_due_on', 'due_on', 'completed_on', 'responsible_person', 'last_report_at', 'created_at', 'updated_at'];
const PERIOD_COLUMNS = ['id', 'directive_id', 'kind', 'label', 'starts_on', 'ends_on', 'due_on', 'meeting_on', 'created_at'];
const REPORT_COLUMNS = ['id', 'assignment_id', 'period_id', 'state', 'results', 'progress', 'obstacles', 'proposals', 'responsible_person', 'late', 'return_count', 'drafted_at', 'submitted_at', 'reviewed_at', 'published', 'created_at', 'updated_at'];
const INDICATOR_COLUMNS = ['id', 'directive_id', 'code', 'name', 'unit', 'target_text', 'target_operator', 'target_value', 'horizon_year', 'position', 'search_text', 'created_at', 'updated_at'];
const INDICATOR_ORG_COLUMNS = ['id', 'indicator_id', 'org_id', 'name_as_written'];
const INDICATOR_VALUE_COLUMNS = ['id', 'indicator_id', 'period_id', 'value_number', 'source', 'state', 'entered_at', 'verified_at'];

export const GENERATED_TABLES = ['orgs', 'users', 'directives', 'sections', 'tasks', 'task_orgs', 'assignments', 'reporting_periods', 'progress_reports', 'indicators', 'indicator_orgs', 'indicator_values'];

/** The `months` labels (yyyy-mm) before the current month, oldest first. */
function pastMonths(today: string, months: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = months; i >= 1; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

export async function generateDataset(sink: BulkSink, scale: Scale, today = vietnamDate()): Promise<DatasetSummary> {
  const started = performance.now();
  const random = new Random(20_251_118 + scale.tasks);
  const w = new Writer(sink);
  const now = new Date().toISOString();
  const ids = { org: 0, user: 0, directive: 0, section: 0, task: 0, taskOrg: 0, assignment: 0, period: 0, report: 0, indicator: 0, indicatorOrg: 0, value: 0 };
  const passwordHash = await hashPassword(GENERATED_PASSWORD);

  const addOrg = async (name: string, kind: string, parent: number | null, code: string, position: number): Promise<OrgRef> => {
    const id = ++ids.org;
    await w.add('orgs', ORG_COLUMNS, [id, code, name, null, kind, parent, null, null, null, position, foldVietnamese(name), vietnameseSortKey(name), null, now, now]);
    return { id, name };
  };
  const addUser = async (username: string, fullName: string, orgId: number, role: string) => {
    await w.add('users', USER_COLUMNS, [++ids.user, username, `${username}@bench.namro.local`, fullName, null, null, orgId, role, passwordHash, 1, 'vi', 'digest', 0, foldVietnamese(fullName), now, now]);
  };

  // The directory.
  const nation = await addOrg('Chính phủ', 'province', null, 'CP', 0);
  await addUser('admin', 'Quản trị hệ thống', nation.id, 'admin');
  await addUser('national.leader', 'Lãnh đạo Chính phủ', nation.id, 'leader');
  for (let i = 0; i < scale.ministries; i++) await addOrg(MINISTRIES[i % MINISTRIES.length] + (i >= MINISTRIES.length ? ` (${i + 1})` : ''), 'external', nation.id, `BO-${i + 1}`, i);
  const provinces: Province[] = [];
  for (let p = 0; p < scale.provinces; p++) {
    const tag = `P${String(p + 1).padStart(2, '0')}`;
    const provinceName = PROVINCE_NAMES[p % PROVINCE_NAMES.length] ?? `Tỉnh ${p + 1}`;
    const root = await addOrg(`UBND ${provinceName}`, 'province', nation.id, tag, p);
    const office = await addOrg(`Văn phòng UBND ${provinceName}`, 'office', root.id, `${tag}-VP`, 0);
    const departments: OrgRef[] = [];
    for (let d = 0; d < scale.departmentsPerProvince; d++) departments.push(await addOrg(DEPARTMENTS[d % DEPARTMENTS.length] ?? `Sở ${d + 1}`, 'department', root.id, `${tag}-S${d + 1}`, d + 1));
    const communes: OrgRef[] = [];
    for (let c = 0; c < scale.communesPerProvince; c++) communes.push(await addOrg(`${c % 4 === 0 ? 'Phường' : 'Xã'} ${provinceName} ${c + 1}`, 'commune', root.id, `${tag}-X${c + 1}`, 100 + c));
    provinces.push({ root, office, departments, communes });
    const u = tag.toLowerCase();
    await addUser(`${u}.coordinator`, `Chuyên viên theo dõi ${provinceName}`, office.id, 'coordinator');
    await addUser(`${u}.leader`, `Lãnh đạo UBND ${provinceName}`, root.id, 'leader');
    // The province as an agency of the national system: its UBND sees the province (its own subtree) only.
    await addUser(`${u}.ubnd`, `Đầu mối UBND ${provinceName}`, root.id, 'agency_leader');
    for (let d = 0; d < Math.min(5, departments.length); d++) {
      const dept = departments[d] as OrgRef;
      await addUser(`${u}.s${d + 1}.staff`, `Cán bộ đầu mối ${dept.name}`, dept.id, 'agency_staff');
      await addUser(`${u}.s${d + 1}.leader`, `Lãnh đạo ${dept.name}`, dept.id, 'agency_leader');
    }
  }

  // Plans, their tasks and assignments, and twelve months of reports, province by province.
  const months = pastMonths(today, scale.months);
  const tasksPerProvince = Math.ceil(scale.tasks / scale.provinces);
  let tasksLeft = scale.tasks;
  let assignmentsTarget = 0;
  for (const province of provinces) {
    const agencies = [...province.departments, ...province.communes.slice(0, Math.max(10, Math.floor(province.communes.length / 3)))];
    let provinceTasks = Math.min(tasksPerProvince, tasksLeft);
    while (provinceTasks > 0) {
      const directiveId = ++ids.directive;
      const taskCount = Math.min(scale.tasksPerDirective, provinceTasks);
      provinceTasks -= taskCount;
      tasksLeft -= taskCount;
      const number = `${100 + directiveId}/KH-UBND`;
      const title = `Kế hoạch thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (đợt ${directiveId})`;
      await w.add('directives', DIRECTIVE_COLUMNS, [directiveId, number, 'plan', province.root.id, province.root.name, 'Nguyễn Văn A', 'CHỦ TỊCH', addDays(`${months[0]}-01`, -20), title, province.office.id, 18, 23, 'month', 'active', 0, 0, foldVietnamese(`${number} ${title} ${province.root.name}`), now, now]);
      const periods: { id: number; month: string; dueOn: string }[] = [];
      for (const month of months) {
        const id = ++ids.period;
        periods.push({ id, month, dueOn: `${month}-18` });
        await w.add('reporting_periods', PERIOD_COLUMNS, [id, directiveId, 'month', month, `${month}-01`, endOfMonthLabel(month), `${month}-18`, `${month}-23`, now]);
      }
      const sectionIds: number[] = [];
      for (let s = 0; s < 5; s++) {
        sectionIds.push(++ids.section);
        await w.add('sections', SECTION_COLUMNS, [ids.section, directiveId, null, ['I', 'II', 'III', 'IV', 'V'][s] ?? String(s + 1), `Nhóm nhiệm vụ ${s + 1}`, s]);
      }
      for (let t = 0; t < taskCount; t++) {
        const taskId = ++ids.task;
        const taskName = taskTitle(random);
        const kindRoll = random.next();
        const kind = kindRoll < 0.65 ? 'month' : kindRoll < 0.85 ? 'ongoing' : kindRoll < 0.92 ? 'date' : kindRoll < 0.96 ? 'quarter' : 'conditional';
        const dueOn = kind === 'ongoing' || kind === 'conditional' ? null : addDays(today, random.int(-330, 400));
        const deadlineText = kind === 'ongoing' ? 'Thường xuyên' : kind === 'conditional' ? 'Sau khi Trung ương ban hành hướng dẫn' : kind === 'date' ? `Trước ngày ${dueOn?.slice(8, 10)}/${dueOn?.slice(5, 7)}/${dueOn?.slice(0, 4)}` : `Tháng ${Number(dueOn?.slice(5, 7))}/${dueOn?.slice(0, 4)}`;
        const lead = random.pick(agencies);
        const partners = new Set<OrgRef>();
        const extra = Math.max(0, Math.round(scale.assignmentsPerTask - 1 + (random.next() - 0.5) * 2));
        while (partners.size < extra) {
          const candidate = random.pick(agencies);
          if (candidate !== lead) partners.add(candidate);
        }
        const orgs = [lead, ...partners];
        const classes: string[] = [];
        // Children are held back until the task row is written (foreign keys on PostgreSQL).
        const children: { table: string; columns: readonly string[]; row: Row }[] = [];
        let position = 0;
        for (const org of orgs) {
          children.push({ table: 'task_orgs', columns: TASK_ORG_COLUMNS, row: [++ids.taskOrg, taskId, org.id, position === 0 ? 'lead' : 'coordinator', org.name, position] });
          position++;
          const assignmentId = ++ids.assignment;
          assignmentsTarget++;
          // Most finish what is due; some late; a few stop reporting (the overdue tail).
          const finishes = dueOn !== null && dueOn < today && random.chance(0.72);
          const completedOn = finishes && dueOn ? addDays(dueOn, random.chance(0.15) ? random.int(2, 25) : -random.int(0, 30)) : null;
          const stopsReporting = random.chance(0.04);
          const reports: Row[] = [];
          let progress = 0;
          let lastReportAt: string | null = null;
          for (const p of periods) {
            if (completedOn && `${p.month}-01` > completedOn) break;
            if (stopsReporting && p.month >= (months[6] ?? '')) break;
            if (random.chance(0.04)) continue;
            const late = random.chance(0.1);
            progress = Math.min(completedOn ? 100 : 95, progress + random.int(5, 20));
            const submittedAt = `${addDays(p.dueOn, late ? random.int(1, 6) : -random.int(0, 5))}T03:00:00.000Z`;
            const isLatest = p === periods[periods.length - 1];
            const state = isLatest ? (random.chance(0.5) ? 'submitted' : 'accepted') : 'accepted';
            lastReportAt = submittedAt;
            reports.push([
              ++ids.report, assignmentId, p.id, state, reportText(p.month, taskName, progress), progress,
              random.chance(0.2) ? obstacle(random) : null, null, 'Cán bộ đầu mối', late ? 1 : 0, random.chance(0.06) ? 1 : 0,
              submittedAt, submittedAt, state === 'accepted' ? `${addDays(p.dueOn, 3)}T03:00:00.000Z` : null, 0, submittedAt, submittedAt,
            ]);
          }
          const finalProgress = completedOn ? 100 : progress;
          const statusClass = statusClassOf({ state: completedOn ? 'completed' : 'open', deadlineKind: kind, dueOn, judgedDueOn: dueOn, completedOn, progress: finalProgress, hasReport: lastReportAt !== null }, today);
          classes.push(statusClass);
          children.push({ table: 'assignments', columns: ASSIGNMENT_COLUMNS, row: [assignmentId, taskId, org.id, completedOn ? 'completed' : 'open', statusClass, finalProgress, dueOn, dueOn, completedOn, null, lastReportAt, now, now] });
          for (const row of reports) children.push({ table: 'progress_reports', columns: REPORT_COLUMNS, row });
        }
        await w.add('tasks', TASK_COLUMNS, [
          taskId, directiveId, sectionIds[t % sectionIds.length] ?? null, String(t + 1), t, taskName, product(random), deadlineText, kind, dueOn,
          random.pick(['Chuyển đổi số', 'Khoa học công nghệ', 'Đổi mới sáng tạo', 'Hạ tầng số']), rollUpStatus(classes),
          foldVietnamese(`${t + 1} ${taskName} ${orgs.map((o) => o.name).join(' ')}`), vietnameseSortKey(taskName), now, now,
        ]);
        for (const c of children) await w.add(c.table, c.columns, c.row);
      }
      for (let i = 0; i < scale.indicatorsPerDirective; i++) {
        const indicatorId = ++ids.indicator;
        const target = random.int(50, 100);
        const name = `Tỷ lệ ${random.pick(['hồ sơ trực tuyến toàn trình', 'xã có hạ tầng cáp quang', 'dân số có hồ sơ sức khỏe điện tử', 'văn bản ký số', 'doanh nghiệp sử dụng hóa đơn điện tử'])}`;
        await w.add('indicators', INDICATOR_COLUMNS, [indicatorId, directiveId, String(i + 1), name, '%', `≥ ${target}%`, 'gte', target, Number(today.slice(0, 4)), i, foldVietnamese(name), now, now]);
        const monitor = random.pick(province.departments);
        await w.add('indicator_orgs', INDICATOR_ORG_COLUMNS, [++ids.indicatorOrg, indicatorId, monitor.id, monitor.name]);
        let value = random.int(10, 40);
        for (const p of periods) {
          value = Math.min(100, value + random.int(0, 6));
          await w.add('indicator_values', INDICATOR_VALUE_COLUMNS, [++ids.value, indicatorId, p.id, value, 'Báo cáo của cơ quan theo dõi', 'verified', `${p.dueOn}T03:00:00.000Z`, `${addDays(p.dueOn, 2)}T03:00:00.000Z`]);
        }
      }
    }
  }
  await w.flush();
  await sink.finish(GENERATED_TABLES);
  return {
    scale: scale.name,
    today,
    orgs: ids.org,
    users: ids.user,
    directives: ids.directive,
    tasks: ids.task,
    assignments: assignmentsTarget,
    reports: ids.report,
    indicatorValues: ids.value,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
