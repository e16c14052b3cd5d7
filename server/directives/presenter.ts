import type { z } from 'zod';
import type { Directive, Section } from '../db/types.ts';
import type { directiveView, sectionView } from './schemas.ts';

export function presentDirective(d: Directive): z.infer<typeof directiveView> {
  return {
    id: d.id,
    number: d.number,
    kind: d.kind,
    title: d.title,
    issuerOrgId: d.issuer_org_id,
    issuerName: d.issuer_name,
    signerName: d.signer_name,
    signerTitle: d.signer_title,
    issuedOn: d.issued_on,
    coordinatorOrgId: d.coordinator_org_id,
    reportingDay: d.reporting_day,
    meetingDay: d.meeting_day,
    reportFrequency: d.report_frequency,
    state: d.state,
    openData: d.open_data === 1,
    openDataReports: d.open_data_reports === 1,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}

export function presentSection(s: Section): z.infer<typeof sectionView> {
  return { id: s.id, directiveId: s.directive_id, parentId: s.parent_id, code: s.code, title: s.title, position: s.position };
}
