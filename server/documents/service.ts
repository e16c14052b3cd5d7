import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { foldVietnamese } from '../domain/vietnamese.ts';
import { AppError } from '../errors.ts';
import { gatherAgency } from './agency-data.ts';
import { renderAgency } from './agency-docx.ts';
import { gatherMonthly } from './monthly-data.ts';
import { type MonthlyOverrides, renderMonthly } from './monthly-docx.ts';

/** The two documents: decide who may have them, gather, render, and record in the audit log who took what. */

export interface ProducedDocument {
  file: Buffer;
  filename: string;
}

const slug = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'van-ban';

export interface MonthlyRequest extends MonthlyOverrides {
  directiveId: number;
  period: string;
}

export async function monthlyReportDocx(db: Kysely<Database>, actor: Actor, q: MonthlyRequest): Promise<ProducedDocument> {
  if (!policies.document.monthlyReport(actor)) throw new AppError('forbidden', 'Báo cáo tổng hợp tháng chỉ dành cho cơ quan theo dõi, lãnh đạo, thanh tra và người xem toàn tỉnh.');
  const data = await gatherMonthly(db, q.directiveId, q.period);
  const file = await renderMonthly(data, q);
  await recordAudit(db, actor, {
    action: 'export',
    entityType: 'monthly_report_docx',
    entityId: q.directiveId,
    after: { directive: data.directive.number, period: q.period, asOf: data.window.asOf, tasks: data.totals.current, overdue: data.overdue.length, opening: Boolean(q.opening?.trim()), proposals: Boolean(q.proposals?.trim()) },
  });
  return { file, filename: `bao-cao-thang-${q.period}-${slug(data.directive.number)}.docx` };
}

export interface AgencyRequest {
  orgId: number;
  period: string;
  directiveId?: number | undefined;
}

export async function agencyReportDocx(db: Kysely<Database>, actor: Actor, q: AgencyRequest): Promise<ProducedDocument> {
  if (!policies.document.agencyReport(actor, q.orgId)) throw new AppError('forbidden', 'Bạn chỉ lập được báo cáo của cơ quan mình.');
  const data = await gatherAgency(db, q.orgId, q.period, q.directiveId);
  const file = await renderAgency(data);
  await recordAudit(db, actor, {
    action: 'export',
    entityType: 'agency_report_docx',
    entityId: q.orgId,
    after: { org: data.org.name, period: q.period, directive: data.directive?.number ?? null, asOf: data.window.asOf, open: data.open.length, overdue: data.overdue.length },
  });
  return { file, filename: `bao-cao-${slug(data.org.short_name ?? data.org.name)}-${q.period}.docx` };
}
