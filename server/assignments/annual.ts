import type { Kysely } from 'kysely';
import type { Assignment, Database } from '../db/types.ts';
import { statusClassOf } from '../domain/status.ts';
import { nowIso } from '../domain/time.ts';

/** The same calendar day a year later (29/2 becomes 28/2). */
export function sameDayNextYear(isoDate: string): string {
  const y = Number(isoDate.slice(0, 4)) + 1;
  const md = isoDate.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

/**
 * Closes this year's occurrence of an annual task's assignment (completed on a date, or missed) and opens
 * the next year's: the assignment stays open with the next due date, and the closed year keeps its status.
 */
export async function closeOccurrence(trx: Kysely<Database>, assignment: Assignment, completedOn: string | null, today: string): Promise<string> {
  const dueOn = assignment.due_on ?? today;
  const statusClass = completedOn
    ? statusClassOf({ state: 'completed', deadlineKind: 'annual', dueOn, judgedDueOn: dueOn, completedOn, progress: 100, hasReport: true }, today)
    : 'overdue';
  await trx
    .insertInto('assignment_occurrences')
    .values({ assignment_id: assignment.id, year: Number(dueOn.slice(0, 4)), due_on: dueOn, completed_on: completedOn, status_class: statusClass, closed_at: nowIso() })
    .onConflict((oc) => oc.columns(['assignment_id', 'year']).doNothing())
    .execute();
  // Next year follows the date as set, not an extension granted this year.
  const next = sameDayNextYear(assignment.original_due_on ?? dueOn);
  await trx
    .updateTable('assignments')
    .set({ due_on: next, original_due_on: next, state: 'open', completed_on: null, progress: 0, updated_at: nowIso() })
    .where('id', '=', assignment.id)
    .execute();
  return next;
}

/** The daily pass for annual tasks: a year that ended without completion is closed as missed, and the next begins. */
export async function rollAnnualAssignments(db: Kysely<Database>, today: string): Promise<number> {
  const year = today.slice(0, 4);
  const stale = await db
    .selectFrom('assignments')
    .innerJoin('tasks', 'tasks.id', 'assignments.task_id')
    .selectAll('assignments')
    .where('tasks.deadline_kind', '=', 'annual')
    .where('assignments.state', '=', 'open')
    .where('assignments.due_on', '<', `${year}-01-01`)
    .execute();
  for (const a of stale) {
    await db.transaction().execute(async (trx) => {
      let current: Assignment = a;
      while (current.due_on && current.due_on < `${year}-01-01`) {
        const next = await closeOccurrence(trx, current, null, today);
        current = { ...current, due_on: next };
      }
    });
  }
  return stale.length;
}
