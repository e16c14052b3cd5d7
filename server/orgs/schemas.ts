import { z } from 'zod';
import { isoDate, optionalId, optionalText, pageQuery, queryId, requiredId, requiredText } from '../http/schemas.ts';
import { ORG_KINDS, SUCCESSION_KINDS } from './kinds.ts';

export const orgKind = z.enum(ORG_KINDS);

export const orgListQuery = pageQuery.extend({
  kind: orgKind.optional(),
  parentId: queryId.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', '-name', 'code', '-code', 'kind', 'position']).default('position'),
});

const successionInput = z.object({ orgId: requiredId, kind: z.enum(SUCCESSION_KINDS), effectiveOn: isoDate });

export const orgCreateBody = z.object({
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, 'Mã gồm chữ in hoa, số, - hoặc _, tối đa 40 ký tự'),
  name: requiredText(300),
  shortName: optionalText(100),
  kind: orgKind,
  parentId: optionalId,
  aliases: z.array(requiredText(300)).max(50).default([]),
  validFrom: isoDate.nullish(),
  validTo: isoDate.nullish(),
  memberKinds: z.array(orgKind).max(10).nullish(),
  email: z.email('Địa chỉ e-mail không hợp lệ').max(200).nullish(),
  position: z.number().int().min(0).max(1_000_000).optional(),
  /** Orgs this one replaces (mergers, renames); they are marked as its predecessors. */
  successors: z.array(successionInput).max(20).optional(),
});
/** No defaults here: a field left out of a PATCH must stay as it is (zod 4 applies defaults inside optional). */
export const orgUpdateBody = orgCreateBody.partial().extend({ aliases: z.array(requiredText(300)).max(50).optional() });

export const orgView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  parentId: z.number().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  memberKinds: z.array(z.string()).nullable(),
  email: z.string().nullable(),
  position: z.number(),
  active: z.boolean(),
});
const orgLink = z.object({ id: z.number(), name: z.string(), kind: z.string(), effectiveOn: z.string() });
export const orgDetailView = orgView.extend({
  aliases: z.array(z.string()),
  predecessors: z.array(orgLink),
  successors: z.array(orgLink),
  children: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
});

export const resolveQuery = z.object({
  name: requiredText(500),
  onDate: isoDate.optional(),
});

export type OrgCreateInput = z.infer<typeof orgCreateBody>;
export type OrgUpdateInput = z.infer<typeof orgUpdateBody>;
export type OrgListQuery = z.infer<typeof orgListQuery>;
export type OrgView = z.infer<typeof orgView>;
