import { Flex, InputNumber, Slider } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { isValidProgress } from './draftStorage.ts';

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  disabled?: boolean;
}

/** Progress in percent: a slider for the hand and a number field for the keyboard, one value. */
export function ProgressInput({ id, value, onChange, disabled }: Props) {
  const t = useT('reports');
  return (
    <Flex gap={16} align="center">
      <Slider
        style={{ flex: 1, minWidth: 0 }}
        min={0}
        max={100}
        step={5}
        value={isValidProgress(value) ? value : 0}
        onChange={(v: number) => onChange?.(v)}
        disabled={disabled}
        ariaLabelForHandle={t('progress')}
        tooltip={{ formatter: (v) => `${v ?? 0}%` }}
      />
      {/* No min/max here: an out-of-range number must reach the form rule and be explained, not silently clamped. */}
      <InputNumber id={id} aria-label={t('progressNumber')} value={value ?? null} onChange={(v) => onChange?.(v)} disabled={disabled} precision={0} style={{ width: 96 }} suffix="%" />
    </Flex>
  );
}
