/**
 * The monthly cycle a directive sets: "báo cáo … vào ngày 18 hàng tháng", "họp … vào ngày 23 hàng tháng",
 * "Định kỳ vào ngày 20 hàng tháng, các sở … báo cáo". A day whose clause speaks of a meeting (họp) is the
 * meeting day; otherwise it is the reporting day.
 */
const MONTHLY_DAY = /ngày\s+(\d{1,2})\s+(?:hàng|hằng)\s+tháng/giu;
const MEETING = /(?:^|[^\p{L}])(?:họp|giao ban)(?![\p{L}])/iu;

export function readReportingRule(body: string): { reportingDay: number | null; meetingDay: number | null } {
  let reportingDay: number | null = null;
  let meetingDay: number | null = null;
  let clauseStart = 0;
  for (const m of body.matchAll(MONTHLY_DAY)) {
    const at = m.index ?? 0;
    const sentenceStart = Math.max(body.lastIndexOf('.', at - 1), body.lastIndexOf('\n', at - 1), body.lastIndexOf(';', at - 1)) + 1;
    const end = at + m[0].length;
    // The clause runs from the previous date (or the sentence start) to the next comma, stop or "và".
    const before = body.slice(Math.max(clauseStart, sentenceStart), at);
    const after = /^[^,.;\n]*?(?=\s+và\s|[,.;\n]|$)/u.exec(body.slice(end))?.[0] ?? '';
    const day = Number(m[1]);
    clauseStart = end;
    if (day < 1 || day > 31) continue;
    if (MEETING.test(before) || MEETING.test(after)) meetingDay ??= day;
    else reportingDay ??= day;
  }
  return { reportingDay, meetingDay };
}

/** A sentence that states the reporting rule is not itself a task. */
export function isReportingRule(text: string): boolean {
  return new RegExp(MONTHLY_DAY.source, 'iu').test(text);
}
