/**
 * Turns the LaTeX that PDF and DOCX converters leave in table cells ("$\geq 0,8$", "$\geq 3\%$")
 * into the plain signs a reader sees ("≥ 0,8", "≥ 3%").
 */
const COMMANDS: [RegExp, string][] = [
  [/\\geq?(?![a-zA-Z])/g, '≥'],
  [/\\leq?(?![a-zA-Z])/g, '≤'],
  [/\\neq?(?![a-zA-Z])/g, '≠'],
  [/\\approx(?![a-zA-Z])/g, '≈'],
  [/\\times(?![a-zA-Z])/g, '×'],
  [/\\cdot(?![a-zA-Z])/g, '·'],
  [/\\pm(?![a-zA-Z])/g, '±'],
  [/\\%/g, '%'],
  [/\\[,;:! ]/g, ' '],
  [/\\(?:text|mathrm|mathbf|textbf)\{([^{}]*)\}/g, '$1'],
];

function convert(math: string): string {
  let out = math;
  for (const [pattern, replacement] of COMMANDS) out = out.replace(pattern, replacement);
  return out.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}

/** A command, or a figure with at most a sign and a percent: "$5 và $6" in prose is money, not math. */
const isMath = (inner: string) => inner.includes('\\') || /^\s*[<>=≤≥]?\s*[\d.,]+\s*%?\s*$/.test(inner);

/** Replaces inline math ($…$, at most one line and 80 characters) and stray comparison commands. */
export function latexToText(text: string): string {
  if (!text.includes('\\') && !text.includes('$')) return text;
  const inline = text.replace(/\$([^$\n]{1,80})\$/g, (whole, math: string) => (isMath(math) ? convert(math) : whole));
  return inline.replace(/\\(?:geq?|leq?|neq?)(?![a-zA-Z])/g, (m) => convert(m));
}
