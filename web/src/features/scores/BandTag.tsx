import { Tag } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { BAND_STYLE, bandOf } from './bands.ts';

export function BandTag({ band }: { band: string }) {
  const t = useT('scores');
  const known = bandOf(band);
  return (
    <Tag style={{ ...(known ? BAND_STYLE[known.colour] : {}), marginInlineEnd: 0, whiteSpace: 'normal' }}>
      {known ? t(known.key) : band}
    </Tag>
  );
}
