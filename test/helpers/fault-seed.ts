import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../server/auth/actor.ts';
import { useFastHashing } from '../../server/auth/passwords.ts';
import { createApiToken } from '../../server/auth/sessions.ts';
import type { DatabaseTarget } from '../../server/config.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import type { Database } from '../../server/db/types.ts';
import { createDirective } from '../../server/directives/service.ts';
import { provinceTemplate } from '../../server/orgs/province-template.ts';
import { loadOrgTemplate } from '../../server/orgs/template-loader.ts';
import { createTask } from '../../server/tasks/service.ts';
import { createUser } from '../../server/users/service.ts';

/** The SESSION_SECRET the fault tests give the server process: API tokens are hashed with it. */
export const FAULT_SECRET = 'fault-secret-'.padEnd(48, 'x');

/** Departments of the province template that each get one open assignment to report on. */
const AGENCY_CODES = ['SO-NV', 'SO-TP', 'SO-TC', 'SO-CT', 'SO-XD', 'SO-VHTTDL', 'SO-GDDT', 'SO-YT'] as const;

export interface FaultAgency {
  orgId: number;
  taskId: number;
  assignmentId: number;
  /** agency_staff: drafts reports. */
  staffToken: string;
  /** agency_leader: drafts and submits. */
  leaderToken: string;
}

export interface FaultSeed {
  directiveId: number;
  agencies: FaultAgency[];
  /** The directive's coordinator (Sở KH&CN): reads every report. */
  coordinatorToken: string;
}

/**
 * A migrated database gets the province directory, one plan with a task per agency (due 12/2030, so the
 * status moves from not_started to in_progress on the first report) and API tokens, so clients need no
 * login (and no CSRF) across server restarts.
 */
export async function seedReportingAgencies(db: Kysely<Database>, count: number): Promise<FaultSeed> {
  if (count < 1 || count > AGENCY_CODES.length) throw new Error(`between 1 and ${AGENCY_CODES.length} agencies`);
  useFastHashing(true);
  const ids = await loadOrgTemplate(db, SYSTEM_ACTOR, provinceTemplate({ code: 'HD', name: 'Hải Dương' }));
  const idOf = (code: string): number => {
    const id = ids.get(code);
    if (id === undefined) throw new Error(`template lacks ${code}`);
    return id;
  };
  const tokenFor = async (username: string, role: 'agency_staff' | 'agency_leader' | 'coordinator', orgId: number): Promise<string> => {
    const user = await createUser(db, SYSTEM_ACTOR, { username, fullName: `Người thử ${username}`, role, orgId, password: 'mat-khau-thu-nghiem' });
    return (await createApiToken(db, FAULT_SECRET, SYSTEM_ACTOR, { userId: user.id, name: `fault ${username}` })).token;
  };
  const coordinatorOrg = idOf('SO-KHCN');
  const directive = await createDirective(db, SYSTEM_ACTOR, {
    number: '901/KH-UBND',
    kind: 'plan',
    title: 'Kế hoạch thử nghiệm sự cố máy chủ',
    issuedOn: '2025-01-15',
    coordinatorOrgId: coordinatorOrg,
    reportingDay: 18,
    meetingDay: 23,
    implements: [],
  });
  const agencies: FaultAgency[] = [];
  for (const [i, code] of AGENCY_CODES.slice(0, count).entries()) {
    const orgId = idOf(code);
    const task = await createTask(db, SYSTEM_ACTOR, {
      directiveId: directive.id,
      ordinal: String(i + 1),
      title: `Nhiệm vụ thử nghiệm số ${i + 1} của ${code}`,
      deadlineText: '12/2030',
      leads: [{ orgId, name: code }],
      coordinators: [],
    });
    const assignmentId = task.assignments[0]?.id;
    if (assignmentId === undefined) throw new Error(`task ${task.id} has no assignment`);
    const slug = code.toLowerCase();
    agencies.push({
      orgId,
      taskId: task.id,
      assignmentId,
      staffToken: await tokenFor(`staff.${slug}`, 'agency_staff', orgId),
      leaderToken: await tokenFor(`leader.${slug}`, 'agency_leader', orgId),
    });
  }
  return { directiveId: directive.id, agencies, coordinatorToken: await tokenFor('coordinator.khcn', 'coordinator', coordinatorOrg) };
}

/** Migrates and seeds the database a server process will use, through a connection closed afterwards. */
export async function seedDatabaseAt(target: DatabaseTarget, agencies: number): Promise<FaultSeed> {
  const handle = openDatabase(target, { poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
    return await seedReportingAgencies(handle.db, agencies);
  } finally {
    await handle.close();
  }
}
