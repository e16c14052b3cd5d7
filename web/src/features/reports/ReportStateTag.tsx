import { Tag } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { ToneTag, type Tone } from './ToneTag.tsx';
import type { PeriodReportState } from './types.ts';

export const REPORT_STATE_TONES: Record<PeriodReportState, Tone> = {
  not_started: 'gray',
  draft: 'gold',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
};

export function isPeriodReportState(value: string): value is PeriodReportState {
  return value in REPORT_STATE_TONES;
}

/** A report's state in words and colour (chưa báo cáo, nháp, đã gửi, bị trả lại, đã chấp nhận). */
export function ReportStateTag({ state }: { state: string }) {
  const t = useT('reports');
  if (!isPeriodReportState(state)) return <Tag>{state}</Tag>;
  return <ToneTag tone={REPORT_STATE_TONES[state]}>{t(`state.${state}`)}</ToneTag>;
}
