import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { policies } from '../auth/permissions.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { nowIso } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { parseDirectiveText } from '../importers/parse.ts';
import { storeFile } from '../files/store.ts';
import { type ImportResult, commitImport } from './commit.ts';
import { buildPreview } from './preview.ts';
import { readDocument } from './readers/index.ts';
import { type ImportPreview, importPreview } from './schemas.ts';

interface StoredJob {
  preview: ImportPreview;
  text: string;
}

export interface ImportJobView {
  id: number;
  state: string;
  directiveId: number | null;
  preview: ImportPreview;
}

/** Document bytes or pasted text → parsed → resolved preview. Writes nothing. */
export async function previewDocument(db: Kysely<Database>, input: { bytes: Buffer; filename: string } | { text: string }): Promise<{ preview: ImportPreview; text: string }> {
  const text = 'text' in input ? input.text : (await readDocument(input.bytes, input.filename)).text;
  if (!text.trim()) throw new AppError('validation_failed', 'Văn bản rỗng.');
  const preview = await buildPreview(db, parseDirectiveText(text));
  return { preview, text };
}

function assertCanImport(actor: Actor): void {
  if (!policies.directive.create(actor)) throw new AppError('forbidden', 'Chỉ cơ quan theo dõi và quản trị mới nhập văn bản.');
}

async function loadJob(db: Kysely<Database>, actor: Actor, id: number) {
  const job = await db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job || (job.created_by !== actor.userId && actor.role !== 'admin')) throw new AppError('not_found', `Không tìm thấy lượt nhập #${id}.`);
  return { job, stored: JSON.parse(job.preview_json) as StoredJob };
}

const view = (id: number, state: string, directiveId: number | null, preview: ImportPreview): ImportJobView => ({ id, state, directiveId, preview });

export async function startImport(db: Kysely<Database>, dataDir: string, actor: Actor, input: { bytes: Buffer; filename: string; mime: string } | { text: string }): Promise<ImportJobView> {
  assertCanImport(actor);
  const { preview, text } = await previewDocument(db, input);
  if (preview.tasks.length === 0 && preview.indicators.length === 0) {
    throw new AppError('validation_failed', 'Không tìm thấy nhiệm vụ hay chỉ tiêu nào trong văn bản; không có gì để nhập.');
  }
  const file = 'bytes' in input ? await storeFile(db, dataDir, actor, { bytes: input.bytes, originalName: input.filename, mime: input.mime }) : null;
  const now = nowIso();
  const stored: StoredJob = { preview, text };
  const row = await db
    .insertInto('import_jobs')
    .values({ file_id: file?.id ?? null, state: 'preview', preview_json: JSON.stringify(stored), directive_id: null, created_by: actor.userId, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return view(row.id, 'preview', null, preview);
}

export async function getImport(db: Kysely<Database>, actor: Actor, id: number): Promise<ImportJobView> {
  const { job, stored } = await loadJob(db, actor, id);
  return view(job.id, job.state, job.directive_id, stored.preview);
}

/** The coordinator's corrections: any field, and any agency name mapped to an org. */
export async function editImport(db: Kysely<Database>, actor: Actor, id: number, edited: ImportPreview): Promise<ImportJobView> {
  const { job, stored } = await loadJob(db, actor, id);
  if (job.state !== 'preview') throw new AppError('invalid_state', 'Lượt nhập này đã được xác nhận hoặc hủy.');
  const preview = importPreview.parse(edited);
  await db.updateTable('import_jobs').set({ preview_json: JSON.stringify({ ...stored, preview }), updated_at: nowIso() }).where('id', '=', id).execute();
  return view(id, job.state, null, preview);
}

export async function confirmImport(db: Kysely<Database>, actor: Actor, id: number): Promise<ImportResult> {
  assertCanImport(actor);
  const { job, stored } = await loadJob(db, actor, id);
  if (job.state !== 'preview') throw new AppError('invalid_state', 'Lượt nhập này đã được xác nhận hoặc hủy.');
  // Claimed first, so a double click cannot import twice.
  const claimed = await db.updateTable('import_jobs').set({ state: 'confirming', updated_at: nowIso() }).where('id', '=', id).where('state', '=', 'preview').executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('invalid_state', 'Lượt nhập này đang được xác nhận.');
  try {
    const result = await commitImport(db, actor, stored.preview, stored.text);
    await db.updateTable('import_jobs').set({ state: 'confirmed', directive_id: result.directiveId, updated_at: nowIso() }).where('id', '=', id).execute();
    return result;
  } catch (err) {
    await db.updateTable('import_jobs').set({ state: 'preview', updated_at: nowIso() }).where('id', '=', id).execute();
    throw err;
  }
}

export async function discardImport(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
  const { job } = await loadJob(db, actor, id);
  if (job.state !== 'preview') throw new AppError('invalid_state', 'Lượt nhập này đã được xác nhận.');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('import_jobs').set({ state: 'discarded', updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'discard', entityType: 'import_job', entityId: id });
  });
}
