import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/index.tsx';

export type IndicatorColour = 'green' | 'orange' | 'red' | 'grey';
export const INDICATOR_COLOURS: readonly IndicatorColour[] = ['red', 'orange', 'green', 'grey'];

/** The hues of the status classes (met = completed on time, close = due soon, behind = overdue), for lines and dots. */
export const INDICATOR_HEX: Record<IndicatorColour, string> = { green: '#389e0d', orange: '#d48806', red: '#cf1322', grey: '#8c8c8c' };

/** Tag colours dark enough on their light background to pass WCAG AA as text (antd's presets do not). */
const TAG_STYLE: Record<IndicatorColour, { color: string; background: string; borderColor: string }> = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  orange: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  red: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  grey: { color: '#434343', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

export function ColourTag({ colour, children, large }: { colour: IndicatorColour; children: ReactNode; large?: boolean }) {
  return <Tag style={{ ...TAG_STYLE[colour], marginInlineEnd: 0, whiteSpace: 'normal', ...(large ? { fontSize: 14, padding: '2px 10px' } : {}) }}>{children}</Tag>;
}

/** An indicator's assessment against its target, in words and colour (never colour alone). */
export function IndicatorColourTag({ colour }: { colour: IndicatorColour }) {
  const t = useT('indicators');
  return <ColourTag colour={colour}>{t(`colour.${colour}`)}</ColourTag>;
}
