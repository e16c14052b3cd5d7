import { Progress, Tag, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';

const KINDS = ['plan', 'conclusion_notice', 'official_letter', 'decision', 'resolution', 'program'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

export function KindTag({ kind }: { kind: string }) {
  const t = useT('directives');
  return <Tag style={{ marginInlineEnd: 0 }}>{isKind(kind) ? t(`kind.${kind}`) : kind}</Tag>;
}

/** Imported notices sometimes carry only "/TB-UBND": the number was left blank in the source. */
export function directiveNumber(number: string, noNumber: string): string {
  return /^\s*\//.test(number) || !number.trim() ? `${noNumber} ${number.trim()}`.trim() : number;
}

export function AverageProgress({ progress, label }: { progress: number | null | undefined; label: string }) {
  const t = useT('directives');
  if (progress === undefined) return null;
  if (progress === null) return <Typography.Text type="secondary">{t('notAssigned')}</Typography.Text>;
  return <Progress percent={progress} size="small" aria-label={label} style={{ margin: 0, minWidth: 90 }} />;
}
