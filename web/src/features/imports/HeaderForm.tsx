import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { DATE_FORMAT, fromDayjs, toDayjs } from './dates.ts';
import { DIRECTIVE_KIND_LIST, type PreviewHeader } from './types.ts';

export type HeaderErrors = Partial<Record<keyof PreviewHeader, string>>;

/** The directive's header as read: number, kind, date, issuer, signer, title, reporting rule — all editable. */
export function HeaderForm({ header, errors, onChange }: { header: PreviewHeader; errors: HeaderErrors; onChange: (patch: Partial<PreviewHeader>) => void }) {
  const t = useT('imports');
  const item = (key: keyof PreviewHeader) => ({
    htmlFor: `import-${key}`,
    validateStatus: errors[key] ? ('error' as const) : undefined,
    help: errors[key],
  });
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('header.number')} {...item('number')}>
            <Input id="import-number" value={header.number ?? ''} onChange={(e) => onChange({ number: e.target.value || null })} placeholder="726/KH-UBND" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('header.kind')} required {...item('kind')}>
            <Select
              id="import-kind"
              value={header.kind}
              onChange={(kind) => onChange({ kind })}
              placeholder={t('header.kindPlaceholder')}
              options={DIRECTIVE_KIND_LIST.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('header.issuedOn')} {...item('issuedOn')}>
            <DatePicker id="import-issuedOn" format={DATE_FORMAT} value={toDayjs(header.issuedOn)} onChange={(d) => onChange({ issuedOn: fromDayjs(d) })} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('header.title')} required {...item('title')}>
        <Input.TextArea id="import-title" value={header.title ?? ''} onChange={(e) => onChange({ title: e.target.value || null })} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('header.issuer')} {...item('issuer')}>
            <Input id="import-issuer" value={header.issuer ?? ''} onChange={(e) => onChange({ issuer: e.target.value || null })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('header.signer')} {...item('signer')} extra={t('header.signerHint')}>
            <Input id="import-signer" value={header.signer ?? ''} onChange={(e) => onChange({ signer: e.target.value || null })} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('header.reportingDay')} {...item('reportingDay')} extra={t('header.reportingDayHint')}>
            <InputNumber id="import-reportingDay" min={1} max={31} value={header.reportingDay} onChange={(v) => onChange({ reportingDay: v ?? null })} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('header.meetingDay')} {...item('meetingDay')}>
            <InputNumber id="import-meetingDay" min={1} max={31} value={header.meetingDay} onChange={(v) => onChange({ meetingDay: v ?? null })} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('header.implements')} {...item('implements')} extra={t('header.implementsHint')}>
        <Select id="import-implements" mode="tags" value={header.implements} onChange={(implementsList: string[]) => onChange({ implements: implementsList })} open={false} suffixIcon={null} />
      </Form.Item>
    </Form>
  );
}
