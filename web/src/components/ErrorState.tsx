import { Button, Result } from 'antd';
import { ApiError } from '../api/client.ts';
import { useLocale, useT } from '../i18n/index.tsx';

/** The server's own message for a failed load (Vietnamese first), with a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT('common');
  const { locale } = useLocale();
  const apiError = error instanceof ApiError ? error : null;
  const status = apiError?.status === 403 ? '403' : apiError?.status === 404 ? '404' : 'error';
  const title = apiError?.status === 403 ? t('forbidden') : apiError?.status === 404 ? t('notFound') : t('unknownError');
  return (
    <Result
      status={status}
      title={title}
      subTitle={apiError ? apiError.localized(locale) : undefined}
      extra={onRetry ? <Button onClick={onRetry}>{t('retry')}</Button> : undefined}
    />
  );
}

/** The message to show for an error caught in a handler. */
export function errorMessage(error: unknown, locale: string, fallback: string): string {
  return error instanceof ApiError ? error.localized(locale) : fallback;
}
