import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { scopeIds, visibleOrgScope } from '../auth/permissions.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors.ts';

/** Whether the actor uploaded this file (identical content uploaded twice is one file with one upload row each in the audit log). */
async function uploadedBy(db: Kysely<Database>, actor: Actor, fileId: number): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('id')
    .where('entity_type', '=', 'file')
    .where('entity_id', '=', String(fileId))
    .where('actor_user_id', '=', actor.userId)
    .where('action', 'in', ['create', 'upload'])
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Who may read a file: roles that read everything, whoever uploaded it, and agencies whose own reports or
 * completion proposals carry it.
 */
export async function canReadFile(db: Kysely<Database>, actor: Actor, fileId: number): Promise<boolean> {
  const scope = visibleOrgScope(actor);
  if (scope === 'all' || (await uploadedBy(db, actor, fileId))) return true;
  const attached = await db
    .selectFrom('evidence')
    .leftJoin('progress_reports', 'progress_reports.id', 'evidence.progress_report_id')
    .leftJoin('completion_proposals', 'completion_proposals.id', 'evidence.completion_proposal_id')
    .innerJoin('assignments', (j) => j.on((eb) => eb.or([eb('assignments.id', '=', eb.ref('progress_reports.assignment_id')), eb('assignments.id', '=', eb.ref('completion_proposals.assignment_id'))])))
    .select('evidence.id')
    .where('evidence.file_id', '=', fileId)
    .where('assignments.org_id', 'in', scopeIds(scope))
    .executeTakeFirst();
  return Boolean(attached);
}

/** Evidence may carry only a file its author uploaded (or already may read): ids are guessable, files are not public. */
export async function assertCanAttachFile(db: Kysely<Database>, actor: Actor, fileId: number): Promise<void> {
  const file = await db.selectFrom('files').select('id').where('id', '=', fileId).executeTakeFirst();
  if (!file || !(await canReadFile(db, actor, fileId))) {
    throw new AppError('validation_failed', 'Tệp đính kèm không tồn tại hoặc không phải do bạn tải lên.', { fields: [{ field: 'fileId', message: 'Không dùng được tệp này' }] });
  }
}
