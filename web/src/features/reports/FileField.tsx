import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { upload } from '../../api/client.ts';
import { errorMessage } from '../../components/ErrorState.tsx';
import { useLocale, useT } from '../../i18n/index.tsx';
import type { UploadedFile } from './types.ts';

interface Props {
  id?: string;
  value?: UploadedFile | null;
  onChange?: (file: UploadedFile | null) => void;
  disabled?: boolean;
}

/** One evidence file, uploaded as soon as it is chosen, with a progress bar; the form keeps the stored file. */
export function FileField({ id, value, onChange, disabled }: Props) {
  const t = useT('reports');
  const tc = useT('common');
  const { locale } = useLocale();
  const [percent, setPercent] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Flex vertical gap={6}>
      <Upload
        showUploadList={false}
        disabled={disabled || percent !== null}
        customRequest={({ file }) => {
          const blob = file as File;
          const form = new FormData();
          form.append('file', blob, blob.name);
          setName(blob.name);
          setError(null);
          setPercent(0);
          upload<UploadedFile>('/api/files', form, setPercent)
            .then((stored) => onChange?.(stored))
            .catch((err: unknown) => setError(errorMessage(err, locale, tc('unknownError'))))
            .finally(() => setPercent(null));
        }}
      >
        <Button id={id} icon={<UploadOutlined />} disabled={disabled || percent !== null}>
          {t('chooseFile')}
        </Button>
      </Upload>
      {percent !== null ? (
        <div>
          <Typography.Text type="secondary">{t('uploading', { name })}</Typography.Text>
          <Progress percent={percent} size="small" aria-label={t('uploading', { name })} />
        </div>
      ) : null}
      {value && percent === null ? <Typography.Text>{t('uploaded', { name: value.originalName })}</Typography.Text> : null}
      {error ? (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
