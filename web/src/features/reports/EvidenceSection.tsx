import { App, Button, Col, DatePicker, Form, Input, Row, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Report } from '../../api/types.ts';
import { errorMessage } from '../../components/ErrorState.tsx';
import { useLocale, useT } from '../../i18n/index.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { FileField } from './FileField.tsx';
import { showFieldErrors } from './fieldErrors.ts';
import { cycleKeys } from './queries.ts';
import type { UploadedFile } from './types.ts';

interface EvidenceForm {
  docNumber?: string;
  docDate?: Dayjs | null;
  url?: string;
  file?: UploadedFile | null;
  note?: string;
}

interface Props {
  report: Report;
  editable: boolean;
  /** Saves the draft first when it has never been saved (evidence belongs to a saved report). */
  ensureSaved: () => Promise<Report | null>;
}

export function EvidenceSection({ report, editable, ensureSaved }: Props) {
  const t = useT('reports');
  const tc = useT('common');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EvidenceForm>();
  const [busy, setBusy] = useState(false);

  async function add(values: EvidenceForm) {
    const body = {
      docNumber: values.docNumber?.trim() || null,
      docDate: values.docDate ? values.docDate.format('YYYY-MM-DD') : null,
      url: values.url?.trim() || null,
      fileId: values.file?.id ?? null,
      note: values.note?.trim() || null,
    };
    if (!body.docNumber && !body.url && !body.fileId) {
      form.setFields([{ name: 'docNumber', errors: [t('evidenceNeedsOne')] }]);
      return;
    }
    setBusy(true);
    try {
      const saved = await ensureSaved();
      if (!saved?.id) return;
      const updated = await api.post<Report>(`/api/reports/${saved.id}/evidence`, body);
      queryClient.setQueryData(cycleKeys.report(report.assignmentId), updated);
      form.resetFields();
      message.success(t('evidenceAdded'));
    } catch (err) {
      if (!showFieldErrors(form, err, ['docNumber', 'docDate', 'url', 'fileId', 'note'])) message.error(errorMessage(err, locale, tc('unknownError')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="evidence-heading">
      <Typography.Title level={5} id="evidence-heading">
        {t('evidence')}
      </Typography.Title>
      <EvidenceList items={report.evidence} emptyText={editable ? t('evidenceEmpty') : tc('none')} />
      {editable ? (
        <Form<EvidenceForm> form={form} layout="vertical" onFinish={(v) => void add(v)} style={{ marginTop: 12 }}>
          <Row gutter={12}>
            <Col xs={24} sm={14}>
              <Form.Item name="docNumber" label={t('docNumber')}>
                <Input maxLength={100} placeholder="123/BC-SYT" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={10}>
              <Form.Item name="docDate" label={t('docDate')}>
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="url" label={t('url')} rules={[{ type: 'url', message: t('urlInvalid') }]}>
            <Input maxLength={2000} placeholder="https://" inputMode="url" />
          </Form.Item>
          <Form.Item name="file" label={t('file')}>
            <FileField />
          </Form.Item>
          <Form.Item name="note" label={t('evidenceNote')}>
            <Input maxLength={1000} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            {t('addEvidence')}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}
