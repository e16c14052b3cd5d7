import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Progress, Segmented, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/index.tsx';
import { errorMessage } from '../../components/ErrorState.tsx';
import type { ImportJob } from './types.ts';
import { useStartImport } from './useImportJob.ts';

const ACCEPT = '.docx,.pdf,.txt';

/** Step 1: a document file (with upload progress) or pasted text → the server reads it into a preview. */
export function UploadStep({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const t = useT('imports');
  const { locale } = useLocale();
  const [mode, setMode] = useState<'file' | 'text'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [percent, setPercent] = useState(0);
  const start = useStartImport(setPercent);

  const ready = mode === 'file' ? file !== null : text.trim().length > 0;
  const submit = () => {
    setPercent(0);
    start.mutate(mode === 'file' && file ? { file } : { text }, { onSuccess: onStarted });
  };
  // Uploaded but not yet answered: the server is reading the document (a long PDF takes a few seconds).
  const reading = start.isPending && (mode === 'text' || percent >= 100);

  return (
    <Card>
      <Flex vertical gap={16}>
        <Segmented<'file' | 'text'>
          value={mode}
          onChange={(v) => setMode(v)}
          options={[
            { value: 'file', label: t('upload.modeFile') },
            { value: 'text', label: t('upload.modeText') },
          ]}
          aria-label={t('upload.mode')}
        />
        {mode === 'file' ? (
          <Upload.Dragger
            accept={ACCEPT}
            maxCount={1}
            fileList={file ? [{ uid: 'doc', name: file.name, size: file.size, status: 'done' }] : []}
            beforeUpload={(f) => {
              setFile(f);
              start.reset();
              return false; // sent by the button below, not on pick
            }}
            onRemove={() => setFile(null)}
            disabled={start.isPending}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('upload.drop')}</p>
            <p className="ant-upload-hint">{t('upload.hint')}</p>
          </Upload.Dragger>
        ) : (
          <label>
            <Typography.Text strong>{t('upload.textLabel')}</Typography.Text>
            <Input.TextArea
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                start.reset();
              }}
              autoSize={{ minRows: 8, maxRows: 20 }}
              placeholder={t('upload.textPlaceholder')}
              style={{ marginTop: 8 }}
              disabled={start.isPending}
            />
          </label>
        )}
        {start.isPending && mode === 'file' ? <Progress percent={percent} status="active" aria-label={t('upload.progress')} /> : null}
        {reading ? (
          <Typography.Text type="secondary" role="status">
            {t('upload.reading')}
          </Typography.Text>
        ) : null}
        {start.isError ? <Alert type="error" showIcon title={t('upload.failed')} description={errorMessage(start.error, locale, t('upload.failed'))} /> : null}
        <Flex justify="flex-end">
          <Button type="primary" onClick={submit} disabled={!ready} loading={start.isPending}>
            {t('upload.read')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
