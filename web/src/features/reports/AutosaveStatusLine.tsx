import { CheckCircleOutlined, CloudUploadOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { errorMessage } from '../../components/ErrorState.tsx';
import { formatDateTime } from '../../format.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import type { AutosaveState } from './useAutosave.ts';

/** Where the draft stands: saved when, being saved, or kept on this machine only. Announced politely. */
export function AutosaveStatusLine({ state }: { state: Pick<AutosaveState, 'status' | 'savedAt' | 'error'> }) {
  const t = useT('reports');
  const tc = useT('common');
  const { locale } = useLocale();
  const text =
    state.status === 'error'
      ? t('autosave.error', { message: errorMessage(state.error, locale, tc('unknownError')) })
      : state.status === 'saving'
        ? t('autosave.saving')
        : state.status === 'pending'
          ? t('autosave.pending')
          : state.status === 'saved' && state.savedAt
            ? t('autosave.saved', { time: formatDateTime(state.savedAt.toISOString()).slice(11) })
            : t('autosave.idle');
  const icon = state.status === 'error' ? <ExclamationCircleOutlined /> : state.status === 'saved' ? <CheckCircleOutlined /> : <CloudUploadOutlined />;
  return (
    <Typography.Text type={state.status === 'error' ? 'danger' : 'secondary'} role="status" aria-live="polite" data-autosave={state.status}>
      {icon} {text}
    </Typography.Text>
  );
}
