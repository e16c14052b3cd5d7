import { parseDeadline, type ParsedDeadline } from '../domain/deadlines.ts';
import { readTaskTable, taskColumns, type AppendixTask } from './appendix-table.ts';
import { measureDamage, isDamaged } from './damage.ts';
import { CLOSING_STARTS } from './directive-words.ts';
import { startsWithAnyWord } from './agencies.ts';
import { buildDocumentLexicon } from './document-lexicon.ts';
import { findDocumentParts } from './document-parts.ts';
import { issuerFromBody, readHeader } from './header.ts';
import { readFlatIndicatorTables } from './flat-indicator-table.ts';
import { indicatorColumns, readIndicatorTable } from './indicator-table.ts';
import { readImplemented } from './legal-basis.ts';
import { normaliseText } from './normalise.ts';
import { buildOutline } from './outline.ts';
import { buildParagraphs, type Paragraph } from './paragraphs.ts';
import { repairDamagedText, repairSummary } from './repair.ts';
import { readProseAssignments, type ProseTask } from './prose-assignments.ts';
import { unmatchedTitles } from './prose-matching.ts';
import { readReportingRule } from './reporting-rule.ts';
import { readSigner } from './signer.ts';
import { readTabTables, type TabTable } from './tab-table.ts';
import type { ParsedDirective, ParsedIndicator, ParsedSection, ParsedTask } from './types.ts';
import { atLine, excerpt, warning, type ImportWarning } from './warnings.ts';

/**
 * Reads a directive document's text (as extracted from PDF, DOCX or pasted) into its header, sections,
 * tasks and indicators. Pure: the same text gives the same result, whatever its Unicode form, line ends or BOM.
 * A plan's appendix table is its task list; where there is none, tasks are read from the prose.
 */
export function parseDirectiveText(input: string): ParsedDirective {
  const normalised = normaliseText(input);
  const warnings: ImportWarning[] = [];
  const damage = measureDamage(normalised);
  const damaged = isDamaged(damage);
  if (damaged) warnings.push(warning('damaged_text', 'toàn văn', `${damage.damagedWords}/${damage.words} từ có ký tự lạ`));
  // Damaged text is repaired where the syllable is unambiguous, then read like any other.
  const repair = damaged ? repairDamagedText(normalised) : null;
  if (repair) warnings.push(warning('text_repaired', 'toàn văn', repairSummary(repair)));
  const text = repair?.text ?? normalised;
  const lines = text.split('\n');

  const lexicon = buildDocumentLexicon(text);
  const tables = readTabTables(lines, lexicon);
  const inTabTable = tableLineTest(tables);
  // Tables whose cells lost their tabs in extraction are read on their own (indicator tables, as in PDFs).
  const flat = readFlatIndicatorTables(lines, inTabTable);
  const inTable = (line: number) => inTabTable(line) || flat.lines.has(line);
  const header = readHeader(lines, text);
  const parts = findDocumentParts(lines, header.bodyStart);
  const referenceDate = header.issuedOn ?? (header.issuedMonth ? `${header.issuedMonth}-01` : undefined);

  const paragraphs = dropClosingFormula(buildParagraphs(lines, header.bodyStart, parts.bodyEnd, inTable));
  const outline = buildOutline(paragraphs);
  const body = paragraphs.map((p) => p.text).join('\n');
  const { reportingDay, meetingDay } = readReportingRule(body);
  const signer = readSigner(lines, parts.bodyEnd, parts.appendixStart);

  const appendix = readAppendices(tables, warnings);
  if (!appendix.indicators.length && flat.indicators.length) {
    appendix.indicators.push(...flat.indicators);
    warnings.push(...flat.warnings);
  }
  const prose = readProseAssignments(outline);
  let tasks: ParsedTask[];
  let sections: ParsedSection[];
  if (appendix.tasks.length) {
    tasks = appendix.tasks.map((t) => appendixTask(t, referenceDate, damaged, warnings));
    sections = appendix.sections;
    // The prose repeats the appendix: an instruction found only in the prose is shown, not added.
    for (const task of unmatchedTitles(prose.tasks, appendix.tasks.map((t) => t.title))) {
      warnings.push(warning('prose_task_not_in_appendix', atLine(task.line), excerpt(`${task.leads.join(', ')}: ${task.title}`)));
    }
  } else {
    tasks = prose.tasks.map((t) => proseTask(t, referenceDate, damaged, warnings));
    sections = prose.sections;
  }

  tasks = distinctOrdinals(tasks, warnings);
  if (header.numberMissing) warnings.push(warning('number_missing', 'phần đầu văn bản', header.number ?? undefined));
  if (!header.issuedOn) {
    warnings.push(header.issuedMonth ? warning('date_incomplete', 'phần đầu văn bản', `tháng ${header.issuedMonth.slice(5)}/${header.issuedMonth.slice(0, 4)}`) : warning('date_missing', 'phần đầu văn bản'));
  }
  if (!header.kind) warnings.push(warning('kind_unknown', 'phần đầu văn bản'));
  if (!signer) warnings.push(warning('signer_missing', 'cuối văn bản'));
  if (!tasks.length && !appendix.indicators.length) warnings.push(warning('no_tasks_found', 'toàn văn'));

  return {
    directive: {
      number: header.number,
      kind: header.kind,
      issuedOn: header.issuedOn,
      issuer: header.issuer ?? issuerFromBody(outline.preamble.map((p) => p.text)),
      signer,
      title: header.title,
      implements: readImplemented(header.title, outline.preamble.map((p) => p.text)),
      reportingDay,
      meetingDay,
    },
    sections,
    tasks,
    indicators: appendix.indicators,
    warnings,
    ...(repair ? { repairs: repair.repairs.length } : {}),
  };
}

/**
 * A number written twice (a drafting slip, a repeated row) would make two tasks one on re-import, which
 * matches tasks by their number: the repeat gets a free number ("2 (2)") and a warning.
 */
function distinctOrdinals(tasks: ParsedTask[], warnings: ImportWarning[]): ParsedTask[] {
  const taken = new Set(tasks.map((t) => t.ordinal));
  const seen = new Set<string>();
  return tasks.map((task) => {
    if (!seen.has(task.ordinal)) {
      seen.add(task.ordinal);
      return task;
    }
    let n = 2;
    while (taken.has(`${task.ordinal} (${n})`)) n++;
    const ordinal = `${task.ordinal} (${n})`;
    taken.add(ordinal);
    seen.add(ordinal);
    warnings.push(warning('ordinal_repeated', `nhiệm vụ ${task.ordinal}`, ordinal));
    return { ...task, ordinal };
  });
}

function tableLineTest(tables: TabTable[]): (line: number) => boolean {
  return (line) => tables.some((t) => line >= t.headerLine && line < t.endLine);
}

/**
 * "Trên đây là …", "Nhận được Công văn này …", "Văn phòng UBND tỉnh thông báo để các cơ quan … biết, thực hiện./."
 * after the last item restate the document; they assign nothing.
 */
function dropClosingFormula(paragraphs: Paragraph[]): Paragraph[] {
  const last = paragraphs[paragraphs.length - 1];
  const text = last?.text.trim() ?? '';
  if (startsWithAnyWord(text.toLowerCase(), CLOSING_STARTS) || /thông báo (?:để|cho) .{0,80}biết(?![\p{L}])/u.test(text)) return paragraphs.slice(0, -1);
  return paragraphs;
}

function readAppendices(tables: TabTable[], warnings: ImportWarning[]): { tasks: AppendixTask[]; sections: ParsedSection[]; indicators: ParsedIndicator[] } {
  const tasks: AppendixTask[] = [];
  const sections: ParsedSection[] = [];
  const indicators: ParsedIndicator[] = [];
  for (const table of tables) {
    const taskCols = taskColumns(table.header);
    if (taskCols) {
      const read = readTaskTable(table, taskCols);
      tasks.push(...read.tasks);
      sections.push(...read.sections);
      warnings.push(...read.warnings);
      continue;
    }
    const indicatorCols = indicatorColumns(table.header);
    if (indicatorCols) {
      const read = readIndicatorTable(table, indicatorCols);
      indicators.push(...read.indicators);
      warnings.push(...read.warnings);
    }
  }
  return { tasks, sections, indicators };
}

function appendixTask(task: AppendixTask, referenceDate: string | undefined, damaged: boolean, warnings: ImportWarning[]): ParsedTask {
  const where = `Phụ lục, nhiệm vụ ${task.ordinal}`;
  const deadline = parseDeadline(task.deadlineText, referenceDate);
  if (!task.deadlineText) warnings.push(warning('deadline_missing', where));
  else if (deadline.kind === 'none') warnings.push(warning('deadline_unparsed', where, task.deadlineText));
  if (!task.leads.length) warnings.push(warning('task_without_lead', where, excerpt(task.title)));
  const confidence = 0.95 - (task.repaired ? 0.1 : 0) - (task.leads.length ? 0 : 0.3) - (deadline.kind === 'none' ? 0.2 : 0) - (damaged ? 0.3 : 0);
  return {
    ordinal: task.ordinal,
    section: task.section,
    title: task.title,
    leads: task.leads,
    coordinators: task.coordinators,
    product: task.product,
    deadline,
    source: task.source,
    confidence: round(confidence),
  };
}

/** A standing instruction with no deadline written is ongoing: it is followed through the monthly reports. */
function impliedOngoing(): ParsedDeadline {
  return { kind: 'ongoing', dueOn: null, precision: null, ongoing: true, annual: false, implied: true, text: '' };
}

function proseTask(task: ProseTask, referenceDate: string | undefined, damaged: boolean, warnings: ImportWarning[]): ParsedTask {
  const where = `mục ${task.ordinal} (${atLine(task.line)})`;
  const deadline = task.deadlineText ? parseDeadline(task.deadlineText, referenceDate) : impliedOngoing();
  if (task.deadlineText && deadline.kind === 'none') warnings.push(warning('deadline_unparsed', where, task.deadlineText));
  const confidence = (task.explicitLead ? 0.8 : 0.65) - (task.deadlineText ? 0 : 0.1) - (damaged ? 0.3 : 0);
  return {
    ordinal: task.ordinal,
    section: task.section,
    title: task.title,
    leads: task.leads,
    coordinators: task.coordinators,
    product: null,
    deadline,
    source: task.source,
    confidence: round(confidence),
  };
}

const round = (n: number) => Math.max(0, Math.min(1, Math.round(n * 100) / 100));
