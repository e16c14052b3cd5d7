/**
 * Detects text whose extraction replaced letters with symbols ("củ&" for "của", "q2yết" for "quyết",
 * "Tr2ng tâm", "D'ơng", "�"). Acronyms such as "GD&ĐT", "R&D", "5G" are not damage.
 */
export interface DamageReport {
  words: number;
  damagedWords: number;
}

/** A letter replaced inside a word ("q2yết", "D'ơng", "th!o"), at its end ("củ&", "gi#") or by "�". */
const DAMAGE = /�|\p{Ll}[&#!2'’]\p{Ll}|\p{Ll}[&#](?![\p{L}\p{N}])/gu;
const WORD = /\p{L}+/gu;

export function measureDamage(text: string): DamageReport {
  return { words: text.match(WORD)?.length ?? 0, damagedWords: text.match(DAMAGE)?.length ?? 0 };
}

export function isDamaged(report: DamageReport): boolean {
  return report.damagedWords >= 5 && report.damagedWords / Math.max(1, report.words) >= 0.01;
}
