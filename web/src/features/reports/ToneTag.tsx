import { Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * Tags in colours that pass WCAG AA contrast (axe runs in the e2e tests). antd's light red, blue and
 * geekblue presets do; its gold, green, orange and volcano do not, so those are solid darker tones with white text.
 */
const TONES = {
  gray: { color: undefined, variant: undefined },
  blue: { color: 'blue', variant: undefined },
  geekblue: { color: 'geekblue', variant: undefined },
  red: { color: 'red', variant: undefined },
  gold: { color: '#874d00', variant: 'solid' },
  green: { color: '#237804', variant: 'solid' },
  orange: { color: '#ad4e00', variant: 'solid' },
  volcano: { color: '#ad2102', variant: 'solid' },
} as const;

export type Tone = keyof typeof TONES;

export function ToneTag({ tone, children, wrap }: { tone: Tone; children: ReactNode; wrap?: boolean }) {
  const { color, variant } = TONES[tone];
  return (
    <Tag color={color} variant={variant} style={{ marginInlineEnd: 0, ...(wrap ? { whiteSpace: 'normal' } : {}) }}>
      {children}
    </Tag>
  );
}
