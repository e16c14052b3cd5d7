import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import type { ImportResult } from './types.ts';

/** Step 3: what was written, and the way to the directive. */
export function DoneStep({ directiveId, result, onAnother }: { directiveId: number; result: ImportResult | null; onAnother: () => void }) {
  const t = useT('imports');
  return (
    <Result
      status="success"
      title={result && !result.created ? t('done.updated') : t('done.created')}
      subTitle={
        result
          ? t('done.counts', { added: result.tasks.added, updated: result.tasks.updated, unchanged: result.tasks.unchanged, sections: result.sections, indicators: result.indicators.added + result.indicators.updated })
          : undefined
      }
      extra={[
        <Link key="open" to={`/directives/${directiveId}`}>
          <Button type="primary">{t('done.open')}</Button>
        </Link>,
        <Button key="again" onClick={onAnother}>
          {t('done.another')}
        </Button>,
      ]}
    />
  );
}
