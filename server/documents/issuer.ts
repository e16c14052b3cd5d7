import type { Kysely } from 'kysely';
import type { Database, Org } from '../db/types.ts';
import { foldVietnamese } from '../domain/vietnamese.ts';
import { findOrg } from '../orgs/service.ts';
import type { Issuer } from './nd30.ts';

/**
 * The letterhead of the body that issues a synthesis: the directive's coordinating body (Sở KH&CN for
 * Plan 726), else the Office of the People's Committee. The directory has no signer for it, so the
 * signature block carries the title only and the name is written in by hand.
 */

const upper = (s: string) => s.toLocaleUpperCase('vi');
/** "Ủy ban nhân dân tỉnh Hải Dương" → "tỉnh Hải Dương". */
const localityOf = (root: Org) => root.name.replace(/^(Ủy|Uỷ) ban nhân dân\s+/iu, '');
/** "tỉnh Hải Dương" → "Hải Dương" (the place in the date line). */
const placeOf = (root: Org) => localityOf(root).replace(/^(tỉnh|thành phố)\s+/iu, '');

/** Initials of a name, as document symbols abbreviate bodies: "Sở Khoa học và Công nghệ" → "SKHCN". */
function initials(name: string): string {
  return foldVietnamese(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && w !== 'va')
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

const SIGNER_BY_KIND: Partial<Record<string, string[]>> = {
  province: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  office: ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
  department: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
};

async function provinceRoot(db: Kysely<Database>): Promise<Org | undefined> {
  return db.selectFrom('orgs').selectAll().where('kind', '=', 'province').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
}

/** The Office of the People's Committee: the default issuer when a directive names no coordinator. */
async function provinceOffice(db: Kysely<Database>, root: Org | undefined): Promise<Org | undefined> {
  let q = db.selectFrom('orgs').selectAll().where('kind', '=', 'office');
  if (root) q = q.where('parent_id', '=', root.id);
  return q.orderBy('id').executeTakeFirst();
}

function linesFor(org: Org, parent: Org | undefined, root: Org | undefined): { parentLine: string; bodyLine: string } {
  if (org.kind === 'province') return { parentLine: 'ỦY BAN NHÂN DÂN', bodyLine: upper(localityOf(org)) };
  const underRoot = parent && parent.kind === 'province';
  const parentLine = underRoot ? upper(`UBND ${localityOf(parent)}`) : parent ? upper(parent.name) : root ? upper(`UBND ${localityOf(root)}`) : '';
  // Under the People's Committee the Office writes itself "VĂN PHÒNG" (its parent line already names the UBND).
  const bodyLine = org.kind === 'office' && underRoot ? 'VĂN PHÒNG' : upper(org.name);
  return { parentLine, bodyLine };
}

function symbolOf(org: Org): string {
  if (org.kind === 'office') return 'VP';
  if (org.kind === 'province') return 'UBND';
  return initials(org.name) || 'VP';
}

/** The issuing body's letterhead and signature title; `orgId` null means the Office of the People's Committee. */
export async function issuerFor(db: Kysely<Database>, orgId: number | null): Promise<Issuer & { orgName: string }> {
  const root = await provinceRoot(db);
  const org = (orgId ? await findOrg(db, orgId) : await provinceOffice(db, root)) ?? root;
  if (!org) return { parentLine: '', bodyLine: '', symbol: 'VP', place: '', signerTitle: ['THỦ TRƯỞNG CƠ QUAN'], signerName: null, orgName: '' };
  const parent = org.parent_id ? await findOrg(db, org.parent_id) : undefined;
  return {
    ...linesFor(org, parent, root),
    symbol: symbolOf(org),
    place: root ? placeOf(root) : '',
    signerTitle: SIGNER_BY_KIND[org.kind] ?? ['THỦ TRƯỞNG CƠ QUAN'],
    signerName: null,
    orgName: org.name,
  };
}
