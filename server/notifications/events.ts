import type { Kysely } from 'kysely';
import type { AssignmentContext } from '../assignments/context.ts';
import type { Database, Task } from '../db/types.ts';
import { formatVietnameseDate } from '../domain/time.ts';
import { coordinatorRecipients, type NotificationInput, notify, notifyMany, orgRecipients, recipientsByOrg } from './service.ts';

/** What each step of the monthly cycle tells whom. Called inside the transaction of the step itself. */

const short = (title: string) => (title.length > 90 ? `${title.slice(0, 87)}…` : title);
const taskLabel = (t: Pick<Task, 'ordinal' | 'title'>) => `Nhiệm vụ ${t.ordinal}: ${short(t.title)}`;
const taskLink = (t: Pick<Task, 'id'>) => `/tasks/${t.id}`;

export interface CreatedAssignment {
  task: Task;
  assignmentId: number;
  orgId: number;
  dueOn: string | null;
}

/** Tells the people of each org about their new assignments (one query and one insert for a whole plan). */
export async function onAssignmentsCreated(db: Kysely<Database>, created: readonly CreatedAssignment[]): Promise<void> {
  const recipients = await recipientsByOrg(
    db,
    created.map((c) => c.orgId),
  );
  const items = created.flatMap(({ task, assignmentId, orgId, dueOn }) => {
    const n: NotificationInput = {
      kind: 'assignment_new',
      title: `Nhiệm vụ mới được giao: ${short(task.title)}`,
      body: `${taskLabel(task)}${dueOn ? ` — thời hạn ${formatVietnameseDate(dueOn)}` : task.deadline_text ? ` — ${task.deadline_text}` : ''}.`,
      link: taskLink(task),
      entityType: 'assignment',
      entityId: assignmentId,
      dedupeKey: `assignment_new:${assignmentId}`,
    };
    return (recipients.get(orgId) ?? []).map((userId) => ({ userId, n }));
  });
  await notifyMany(db, items);
}

export async function onReportSubmitted(db: Kysely<Database>, ctx: AssignmentContext, reportId: number, periodLabel: string, orgName: string, late: boolean): Promise<void> {
  await notify(db, await coordinatorRecipients(db, ctx.directive.coordinator_org_id), {
    kind: 'report_submitted',
    title: `${orgName} đã gửi báo cáo kỳ ${periodLabel}${late ? ' (muộn)' : ''}`,
    body: taskLabel(ctx.task),
    link: `/reports/${reportId}`,
    entityType: 'progress_report',
    entityId: reportId,
  });
}

export async function onReportReviewed(db: Kysely<Database>, ctx: AssignmentContext, reportId: number, periodLabel: string, accepted: boolean, comment: string | null, actorId: number): Promise<void> {
  await notify(
    db,
    await orgRecipients(db, ctx.assignment.org_id),
    {
      kind: accepted ? 'report_accepted' : 'report_returned',
      title: accepted ? `Báo cáo kỳ ${periodLabel} đã được chấp nhận` : `Báo cáo kỳ ${periodLabel} bị trả lại, cần sửa và gửi lại`,
      body: `${taskLabel(ctx.task)}${comment ? `\nÝ kiến: ${comment}` : ''}`,
      link: `/reports/${reportId}`,
      entityType: 'progress_report',
      entityId: reportId,
    },
    actorId,
  );
}

export async function onExtensionRequested(db: Kysely<Database>, ctx: AssignmentContext, requestId: number, requestedDueOn: string, orgName: string): Promise<void> {
  await notify(db, await coordinatorRecipients(db, ctx.directive.coordinator_org_id), {
    kind: 'extension_requested',
    title: `${orgName} đề nghị gia hạn đến ${formatVietnameseDate(requestedDueOn)}`,
    body: taskLabel(ctx.task),
    link: taskLink(ctx.task),
    entityType: 'extension_request',
    entityId: requestId,
  });
}

export async function onExtensionDecided(db: Kysely<Database>, ctx: AssignmentContext, requestId: number, approved: boolean, dueOn: string, comment: string | null): Promise<void> {
  await notify(db, await orgRecipients(db, ctx.assignment.org_id), {
    kind: 'extension_decided',
    title: approved ? `Đồng ý gia hạn đến ${formatVietnameseDate(dueOn)}` : 'Không đồng ý gia hạn',
    body: `${taskLabel(ctx.task)}${comment ? `\nÝ kiến: ${comment}` : ''}`,
    link: taskLink(ctx.task),
    entityType: 'extension_request',
    entityId: requestId,
  });
}

export async function onCompletionProposed(db: Kysely<Database>, ctx: AssignmentContext, proposalId: number, orgName: string): Promise<void> {
  await notify(db, await coordinatorRecipients(db, ctx.directive.coordinator_org_id), {
    kind: 'completion_proposed',
    title: `${orgName} đề nghị xác nhận hoàn thành`,
    body: taskLabel(ctx.task),
    link: taskLink(ctx.task),
    entityType: 'completion_proposal',
    entityId: proposalId,
  });
}

export async function onCompletionDecided(db: Kysely<Database>, ctx: AssignmentContext, proposalId: number, verified: boolean, comment: string | null): Promise<void> {
  await notify(db, await orgRecipients(db, ctx.assignment.org_id), {
    kind: 'completion_decided',
    title: verified ? 'Nhiệm vụ đã được xác nhận hoàn thành' : 'Chưa xác nhận hoàn thành',
    body: `${taskLabel(ctx.task)}${comment ? `\nÝ kiến: ${comment}` : ''}`,
    link: taskLink(ctx.task),
    entityType: 'completion_proposal',
    entityId: proposalId,
  });
}
