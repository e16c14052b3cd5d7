import type { Org } from '../db/types.ts';
import { vietnamDate } from '../domain/time.ts';
import type { OrgView } from './schemas.ts';

export function isOrgActive(org: Pick<Org, 'valid_from' | 'valid_to'>, onDate: string = vietnamDate()): boolean {
  return (!org.valid_from || org.valid_from <= onDate) && (!org.valid_to || org.valid_to >= onDate);
}

export function presentOrg(org: Org): OrgView {
  return {
    id: org.id,
    code: org.code,
    name: org.name,
    shortName: org.short_name,
    kind: org.kind,
    parentId: org.parent_id,
    validFrom: org.valid_from,
    validTo: org.valid_to,
    memberKinds: org.member_kinds ? (JSON.parse(org.member_kinds) as string[]) : null,
    email: org.email,
    position: org.position,
    active: isOrgActive(org),
  };
}
