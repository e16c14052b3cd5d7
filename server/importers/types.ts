import type { ParsedDeadline } from '../domain/deadlines.ts';
import type { ParsedTarget } from '../domain/targets.ts';
import type { ImportWarning } from './warnings.ts';

/**
 * What the text importer extracts from one directive document, before organisations are resolved.
 * Names of agencies are kept as written; the directory resolves them later.
 */
export type DirectiveKind = 'plan' | 'conclusion_notice' | 'official_letter' | 'decision' | 'resolution' | 'program';

export interface ParsedDirectiveHeader {
  /** Number and symbol as written ("726/KH-UBND"); only the symbol ("/TB-UBND") when the number was left blank. */
  number: string | null;
  kind: DirectiveKind | null;
  /** yyyy-mm-dd; null when the day is missing (unsigned drafts leave it blank). */
  issuedOn: string | null;
  issuer: string | null;
  /** "Name, TM. Ủy ban nhân dân, Chủ tịch": the person, then the authority lines of the signature block. */
  signer: string | null;
  /** Trích yếu: what the document is about. */
  title: string | null;
  /** Numbers of the directives it implements ("03/NQ-CP", "113-CTr/TU"), in order of first mention. */
  implements: string[];
  /** Day of the month agencies report on ("báo cáo … vào ngày 18 hàng tháng"). */
  reportingDay: number | null;
  /** Day of the month of the review meeting ("họp … vào ngày 23 hàng tháng"). */
  meetingDay: number | null;
}

export interface ParsedSection {
  code: string;
  title: string;
}

export interface ParsedTask {
  /** As numbered in the document ("25"; prose items: "4.d.1"). */
  ordinal: string;
  section: string | null;
  title: string;
  leads: string[];
  coordinators: string[];
  product: string | null;
  deadline: ParsedDeadline;
  /** The lines the task was read from. */
  source: string;
  /** 0..1: how sure the reader is of this task's fields. */
  confidence: number;
}

export type ParsedIndicatorTarget = ParsedTarget & { text: string };

export interface ParsedIndicator {
  /** Unique within the directive; codes restarting under a later horizon get its year ("2045.1"). */
  code: string;
  parent: string | null;
  name: string;
  unit: string | null;
  target: ParsedIndicatorTarget;
  horizonYear: number | null;
  monitors: string[];
}

export interface ParsedDirective {
  directive: ParsedDirectiveHeader;
  sections: ParsedSection[];
  tasks: ParsedTask[];
  indicators: ParsedIndicator[];
  warnings: ImportWarning[];
  /** Damaged words repaired before reading (present only when the text was damaged). */
  repairs?: number;
}
