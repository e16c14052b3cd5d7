import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import type { Coordination } from '../reports/types.ts';
import { DecisionDialog } from './DecisionDialog.tsx';

type Pending = Coordination['extensions'][number];

interface Props {
  items: readonly Pending[];
  onDecide(id: number, decision: { decision: 'approve' | 'refuse'; comment?: string }): Promise<void>;
}

/** Extension requests: approve (the due date moves, the original stays on record) or refuse with a reason. */
export function ExtensionQueue({ items, onDecide }: Props) {
  const t = useT('review');
  const [deciding, setDeciding] = useState<{ item: Pending; decision: 'approve' | 'refuse' } | null>(null);
  if (!items.length) return <Typography.Paragraph type="secondary">{t('extensionsEmpty')}</Typography.Paragraph>;
  return (
    <Flex vertical gap={12}>
      {items.map((e) => (
        <Card key={e.id} size="small">
          <Flex vertical gap={8}>
            <Link to={`/assignments/${e.assignmentId}`}>
              <Typography.Text strong>{e.task.ordinal}.</Typography.Text> {e.task.title}
            </Link>
            <Flex gap={6} wrap>
              <Tag>{e.directive.number}</Tag>
              <Tag color="geekblue">{e.org.name}</Tag>
              <Tag>{t('requestedAt', { time: formatDateTime(e.requestedAt) })}</Tag>
            </Flex>
            <Typography.Text>
              {t('extensionDates', { from: formatDate(e.previousDueOn) || '—', to: formatDate(e.requestedDueOn) })}
              {e.originalDueOn && e.originalDueOn !== e.previousDueOn ? ` ${t('originalDue', { date: formatDate(e.originalDueOn) })}` : ''}
            </Typography.Text>
            <div>
              <Typography.Text strong>{t('reasonLabel')}</Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</div>
            </div>
            <Flex gap={8} wrap>
              <Button type="primary" onClick={() => setDeciding({ item: e, decision: 'approve' })}>
                {t('approve')}
              </Button>
              <Button danger onClick={() => setDeciding({ item: e, decision: 'refuse' })}>
                {t('refuseExtension')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      ))}
      <DecisionDialog
        open={deciding !== null}
        title={deciding?.decision === 'approve' ? t('approveTitle', { date: formatDate(deciding.item.requestedDueOn) }) : t('refuseExtensionTitle')}
        commentLabel={deciding?.decision === 'approve' ? t('comment') : t('reasonLabel')}
        required={deciding?.decision === 'refuse'}
        danger={deciding?.decision === 'refuse'}
        okText={deciding?.decision === 'approve' ? t('approve') : t('refuseExtension')}
        onCancel={() => setDeciding(null)}
        onConfirm={async (comment) => {
          if (!deciding) return;
          await onDecide(deciding.item.id, { decision: deciding.decision, comment: comment || undefined });
          setDeciding(null);
        }}
      />
    </Flex>
  );
}
