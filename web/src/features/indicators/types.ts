import type { Indicator } from '../../api/types.ts';

export type { Indicator };
export type IndicatorValue = Indicator['history'][number];
