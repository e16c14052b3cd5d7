import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/index.tsx';

interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

interface NotificationPage {
  items: NotificationItem[];
  total: number;
  unread: number;
}

const KEY = ['notifications'] as const;

export function NotificationBell() {
  const t = useT('layout');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // Polled once a minute: cheap (one indexed count) and enough for reminders that come daily.
  const query = useQuery({ queryKey: KEY, queryFn: () => api.get<NotificationPage>('/api/notifications', { pageSize: 10 }), refetchInterval: 60_000 });
  const readOne = useMutation({ mutationFn: (id: number) => api.post(`/api/notifications/${id}/read`), onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }) });
  const readAll = useMutation({ mutationFn: () => api.post('/api/notifications/read-all'), onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }) });
  const unread = query.data?.unread ?? 0;

  function openItem(item: NotificationItem) {
    if (!item.readAt) readOne.mutate(item.id);
    setOpen(false);
    if (item.link?.startsWith('/')) void navigate(item.link);
  }

  const content = (
    <div style={{ width: 'min(360px, 86vw)' }}>
      {query.data?.items.length ? (
        <List
          size="small"
          dataSource={query.data.items}
          renderItem={(item) => (
            <List.Item onClick={() => openItem(item)} style={{ cursor: 'pointer', background: item.readAt ? undefined : '#f0f7ff', paddingInline: 8 }}>
              <List.Item.Meta
                title={<Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>}
                description={
                  <>
                    {item.body ? <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{item.body}</Typography.Paragraph> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(item.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notificationsEmpty')} />
      )}
      {unread > 0 ? (
        <Button type="link" block onClick={() => readAll.mutate()} loading={readAll.isPending}>
          {t('markAllRead')}
        </Button>
      ) : null}
    </div>
  );

  return (
    <Popover content={content} title={t('notifications')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" shape="circle" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={`${t('notifications')} (${unread})`} />
      </Badge>
    </Popover>
  );
}
