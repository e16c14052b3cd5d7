import {
  CalendarOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  FileTextOutlined,
  FlagOutlined,
  MessageOutlined,
  NotificationOutlined,
  RollbackOutlined,
  SyncOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Spin, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/client.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatDateTime } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import type { TimelineEvent } from './types.ts';

/** An icon and a colour per kind of event, so a long history reads at a glance. */
const LOOK: Record<string, { icon: ReactNode; color: string }> = {
  assigned: { icon: <UserAddOutlined />, color: 'gray' },
  report_submitted: { icon: <FileTextOutlined />, color: 'blue' },
  report_accepted: { icon: <CheckCircleOutlined />, color: 'green' },
  report_returned: { icon: <RollbackOutlined />, color: 'red' },
  extension_requested: { icon: <ClockCircleOutlined />, color: 'orange' },
  extension_approved: { icon: <CheckCircleOutlined />, color: 'green' },
  extension_rejected: { icon: <CloseCircleOutlined />, color: 'red' },
  completion_proposed: { icon: <FlagOutlined />, color: 'blue' },
  completion_verified: { icon: <CheckCircleOutlined />, color: 'green' },
  completion_rejected: { icon: <CloseCircleOutlined />, color: 'red' },
  due_changed: { icon: <CalendarOutlined />, color: 'orange' },
  comment: { icon: <MessageOutlined />, color: 'gray' },
  direction: { icon: <NotificationOutlined />, color: 'purple' },
  status_change: { icon: <SyncOutlined />, color: 'gray' },
};
const FALLBACK = { icon: <ClockCircleOutlined />, color: 'gray' };
/** Eight months of reports make a long history: the newest events first, the rest on request. */
const FIRST_EVENTS = 15;

export const timelineKey = (taskId: number) => ['tasks', taskId, 'timeline'] as const;

export function useTimeline(taskId: number) {
  return useQuery({ queryKey: timelineKey(taskId), queryFn: ({ signal }) => api.get<TimelineEvent[]>(`/api/tasks/${taskId}/timeline`, undefined, signal) });
}

function EventBody({ event }: { event: TimelineEvent }) {
  const meta = [formatDateTime(event.at), event.actor, event.org].filter(Boolean).join(' · ');
  return (
    <div data-event-type={event.type}>
      <Typography.Text strong>{event.title}</Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {meta}
        </Typography.Text>
      </div>
      {event.detail ? (
        <Typography.Paragraph ellipsis={{ rows: 4, expandable: 'collapsible' }} style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {event.detail}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

export function TaskTimeline({ taskId }: { taskId: number }) {
  const t = useT('tasks');
  const timeline = useTimeline(taskId);
  const [showAll, setShowAll] = useState(false);
  const content = () => {
    if (timeline.isError) return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
    if (!timeline.data) return <Spin style={{ display: 'block', padding: 24 }} />;
    if (!timeline.data.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timelineEmpty')} />;
    const events = showAll ? timeline.data : timeline.data.slice(0, FIRST_EVENTS);
    return (
      <>
        <Timeline
          items={events.map((event, i) => {
            const look = LOOK[event.type] ?? FALLBACK;
            return { key: `${event.at}-${event.type}-${i}`, icon: look.icon, color: look.color, content: <EventBody event={event} /> };
          })}
        />
        {events.length < timeline.data.length ? <Button onClick={() => setShowAll(true)}>{t('timelineShowAll', { n: timeline.data.length })}</Button> : null}
      </>
    );
  };
  return (
    <Card title={t('timeline')} size="small" style={{ marginBottom: 16 }}>
      {content()}
    </Card>
  );
}
