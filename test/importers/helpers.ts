import { readFileSync } from 'node:fs';
import { foldVietnamese } from '../../server/domain/vietnamese.ts';

/** The five seed documents and their hand-checked extractions (test/fixtures). */
export const SEEDS = {
  notice2025: '000_bbff98347c44d1d6.txt',
  plan726: '001_7ac3fb3fba868bc4.txt',
  officePlan: '002_44a4f3dfaa3c1615.txt',
  letter2025: '003_3dd19f2a35bbc488.txt',
  notice2021: '004_210b0f43e3af7201.txt',
} as const;

export function readSeed(file: string): string {
  return readFileSync(new URL(`../fixtures/seeds/${file}`, import.meta.url), 'utf8');
}

export interface FixtureTask {
  section?: string;
  ordinal: string;
  title: string;
  leads: string[];
  coordinators: string[];
  product?: string;
  deadline?: string;
}

export interface FixtureIndicator {
  code: string;
  parent?: string;
  name: string;
  unit?: string;
  target: string;
  horizonYear?: number;
  monitoring: string[];
}

export interface Fixture {
  directive: {
    number: string;
    kind: string;
    issuer: string;
    signer: string;
    issuedOn?: string;
    title: string;
    implements: string[];
    reportingDay?: number;
    meetingDay?: number;
  };
  sections: { code: string; title: string }[];
  tasks: FixtureTask[];
  indicators: FixtureIndicator[];
}

export function readFixture(file: string): Fixture {
  return JSON.parse(readFileSync(new URL(`../fixtures/demo/${file}`, import.meta.url), 'utf8')) as Fixture;
}

/** Whitespace squeezed, final stop dropped: how a title or product is compared. */
export function asWritten(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().replace(/[\s.;:,]+$/u, '');
}

/** Folded words only: for comparisons where a fixture and a defensible parse differ in wording, not in content. */
export function wording(text: string | null | undefined): string {
  return foldVietnamese(text ?? '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Same content when one wording holds the other (a fixture that dropped a leading clause, or kept one). */
export function sameContent(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = wording(a);
  const y = wording(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}
