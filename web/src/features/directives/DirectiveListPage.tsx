import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Grid, Input, Pagination, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Directive, Page } from '../../api/types.ts';
import { hasRole, useUser } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { AverageProgress, KindTag, directiveNumber } from './DirectiveBits.tsx';
import type { DirectiveOverview } from './types.ts';
import { useDirectiveOverview } from './useDirectiveOverview.ts';

const PAGE_SIZE = 20;

function SearchBox({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const t = useT('directives');
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <div style={{ maxWidth: 560, marginBottom: 16 }}>
      <Typography.Text type="secondary">
        <label htmlFor="directive-search">{t('searchLabel')}</label>
      </Typography.Text>
      <Input.Search
        id="directive-search"
        value={text}
        allowClear
        enterButton
        placeholder={t('searchPlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) onSearch('');
        }}
        onSearch={(q) => onSearch(q.trim())}
        style={{ marginTop: 4 }}
      />
    </div>
  );
}

function DirectiveCard({ d, overview }: { d: Directive; overview: DirectiveOverview | undefined }) {
  const t = useT('directives');
  return (
    <Card size="small">
      <Flex vertical gap={6}>
        <Flex justify="space-between" gap={8} wrap>
          <Link to={`/directives/${d.id}`} style={{ fontWeight: 600 }}>
            {directiveNumber(d.number, t('noNumber'))}
          </Link>
          {overview ? <StatusTag status={overview.status} /> : null}
        </Flex>
        <Flex gap={8} wrap align="center">
          <KindTag kind={d.kind} />
          <Typography.Text type="secondary">{d.issuedOn ? formatDate(d.issuedOn) : t('noDate')}</Typography.Text>
          {d.issuerName ? <Typography.Text type="secondary">· {d.issuerName}</Typography.Text> : null}
        </Flex>
        <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0 }}>
          {d.title}
        </Typography.Paragraph>
        {overview ? <Typography.Text>{t('tasksCount', { n: overview.taskCount })}</Typography.Text> : null}
        <AverageProgress progress={overview ? overview.progress : undefined} label={t('col.progress')} />
      </Flex>
    </Card>
  );
}

export default function DirectiveListPage() {
  const t = useT('directives');
  const user = useUser();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useQuery({
    queryKey: ['directives', 'list', q, page],
    queryFn: ({ signal }) => api.get<Page<Directive>>('/api/directives', { q, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  const overview = useDirectiveOverview();
  const go = (next: { q?: string; page?: number }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    if (nq) p.set('q', nq);
    if (next.page && next.page > 1) p.set('page', String(next.page));
    setParams(p);
  };

  const body = () => {
    if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
    if (!list.data) return <Spin style={{ display: 'block', padding: 48 }} />;
    if (!list.data.items.length) return <Empty description={q ? t('emptySearch') : `${t('empty')} ${t('emptyHint')}`} />;
    if (phone) {
      return (
        <Flex vertical gap={8} role="list" aria-label={t('title')}>
          {list.data.items.map((d) => (
            <div role="listitem" key={d.id}>
              <DirectiveCard d={d} overview={overview.byId.get(d.id)} />
            </div>
          ))}
        </Flex>
      );
    }
    return (
      <Table<Directive>
        rowKey="id"
        dataSource={list.data.items}
        pagination={false}
        loading={list.isFetching && !list.isPending}
        scroll={{ x: 960 }}
        columns={[
          {
            key: 'number',
            title: t('col.number'),
            width: 190,
            render: (_v, d) => (
              <Flex vertical gap={4} align="flex-start">
                <Link to={`/directives/${d.id}`} style={{ fontWeight: 500 }}>
                  {directiveNumber(d.number, t('noNumber'))}
                </Link>
                <KindTag kind={d.kind} />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {d.issuedOn ? formatDate(d.issuedOn) : t('noDate')}
                </Typography.Text>
              </Flex>
            ),
          },
          { key: 'issuer', title: t('col.issuer'), width: 150, render: (_v, d) => d.issuerName ?? <Typography.Text type="secondary">{t('none')}</Typography.Text> },
          {
            key: 'title',
            title: t('col.title'),
            render: (_v, d) => (
              <Typography.Paragraph ellipsis={{ rows: 3, tooltip: d.title }} style={{ margin: 0 }}>
                {d.title}
              </Typography.Paragraph>
            ),
          },
          { key: 'tasks', title: t('col.tasks'), width: 100, align: 'right', render: (_v, d) => overview.byId.get(d.id)?.taskCount ?? '' },
          { key: 'status', title: t('col.status'), width: 170, render: (_v, d) => { const o = overview.byId.get(d.id); return o ? <StatusTag status={o.status} /> : null; } },
          { key: 'progress', title: t('col.progress'), width: 130, render: (_v, d) => <AverageProgress progress={overview.byId.get(d.id)?.progress} label={t('col.progress')} /> },
        ]}
      />
    );
  };

  return (
    <>
      <PageTitle
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          hasRole(user, 'admin', 'coordinator') ? (
            <Button type="primary" onClick={() => void navigate('/import')}>
              {t('importNew')}
            </Button>
          ) : null
        }
      />
      <SearchBox value={q} onSearch={(next) => go({ q: next, page: 1 })} />
      {list.data ? (
        <Typography.Paragraph strong aria-live="polite">
          {t('count', { n: list.data.total })}
        </Typography.Paragraph>
      ) : null}
      {body()}
      {list.data && list.data.total > PAGE_SIZE ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Pagination current={page} pageSize={PAGE_SIZE} total={list.data.total} showSizeChanger={false} simple={phone} onChange={(p) => go({ page: p })} />
        </Flex>
      ) : null}
    </>
  );
}
