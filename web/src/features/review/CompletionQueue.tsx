import { Button, Card, DatePicker, Flex, Form, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { EvidenceList } from '../reports/EvidenceList.tsx';
import type { Coordination } from '../reports/types.ts';
import { DecisionDialog } from './DecisionDialog.tsx';

type Pending = Coordination['completions'][number];

interface Props {
  items: readonly Pending[];
  today: string;
  onDecide(id: number, decision: { decision: 'verify' | 'refuse'; completedOn?: string; comment?: string }): Promise<void>;
}

/** Completion proposals: confirm the completion date (the proposal's day unless changed) or refuse with a reason. */
export function CompletionQueue({ items, today, onDecide }: Props) {
  const t = useT('review');
  const [verifying, setVerifying] = useState<Pending | null>(null);
  const [refusing, setRefusing] = useState<Pending | null>(null);
  const [completedOn, setCompletedOn] = useState<Dayjs | null>(null);
  if (!items.length) return <Typography.Paragraph type="secondary">{t('completionsEmpty')}</Typography.Paragraph>;
  const latest = dayjs(today);
  return (
    <Flex vertical gap={12}>
      {items.map((p) => (
        <Card key={p.id} size="small">
          <Flex vertical gap={8}>
            <Link to={`/assignments/${p.assignmentId}`}>
              <Typography.Text strong>{p.task.ordinal}.</Typography.Text> {p.task.title}
            </Link>
            <Flex gap={6} wrap>
              <Tag>{p.directive.number}</Tag>
              <Tag color="geekblue">{p.org.name}</Tag>
              <Tag>{t('dueOn', { date: p.dueOn ? formatDate(p.dueOn) : '—' })}</Tag>
              <Tag>{t('proposedAt', { time: formatDateTime(p.proposedAt) })}</Tag>
            </Flex>
            <div>
              <Typography.Text strong>{t('product')}</Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{p.productNote}</div>
            </div>
            <EvidenceList items={p.evidence} emptyText={t('noEvidence')} />
            <Flex gap={8} wrap>
              <Button
                type="primary"
                onClick={() => {
                  setCompletedOn(dayjs(p.proposedAt.slice(0, 10)));
                  setVerifying(p);
                }}
              >
                {t('verify')}
              </Button>
              <Button danger onClick={() => setRefusing(p)}>
                {t('refuseCompletion')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      ))}
      <DecisionDialog
        open={verifying !== null}
        title={t('verifyTitle')}
        commentLabel={t('comment')}
        required={false}
        okText={t('verify')}
        onCancel={() => setVerifying(null)}
        onConfirm={async (comment) => {
          if (!verifying) return;
          await onDecide(verifying.id, { decision: 'verify', completedOn: completedOn?.format('YYYY-MM-DD'), comment: comment || undefined });
          setVerifying(null);
        }}
      >
        <Form layout="vertical" component="div">
          <Form.Item label={t('completedOn')} htmlFor="completion-date" required>
            <DatePicker id="completion-date" format="DD/MM/YYYY" value={completedOn} onChange={setCompletedOn} allowClear={false} disabledDate={(d) => d.isAfter(latest, 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </DecisionDialog>
      <DecisionDialog
        open={refusing !== null}
        title={t('refuseCompletionTitle')}
        commentLabel={t('reasonLabel')}
        required
        danger
        okText={t('refuseCompletion')}
        onCancel={() => setRefusing(null)}
        onConfirm={async (comment) => {
          if (!refusing) return;
          await onDecide(refusing.id, { decision: 'refuse', comment });
          setRefusing(null);
        }}
      />
    </Flex>
  );
}
