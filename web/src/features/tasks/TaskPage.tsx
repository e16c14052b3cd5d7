import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Collapse, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { TaskDetail } from '../../api/types.ts';
import { hasRole, useUser } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useT } from '../../i18n/index.tsx';
import { CommentBox } from './CommentBox.tsx';
import { FiveClears } from './FiveClears.tsx';
import { useDirectiveDetail } from './lookups.ts';
import { managesDirective } from './permissions.ts';
import { TaskAssignments } from './TaskAssignments.tsx';
import { TaskEditModal } from './TaskEditModal.tsx';
import { TaskTimeline } from './TaskTimeline.tsx';

function SourceText({ text }: { text: string | null }) {
  const t = useT('tasks');
  return (
    <Collapse
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'source',
          label: t('sourceText'),
          children: text ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, fontFamily: 'inherit' }}>{text}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('sourceTextEmpty')}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

function TaskView({ task }: { task: TaskDetail }) {
  const t = useT('tasks');
  const user = useUser();
  const directive = useDirectiveDetail(task.directiveId);
  const [editing, setEditing] = useState(false);
  const manages = managesDirective(user, directive.data?.coordinatorOrgId);
  const canDirect = manages || hasRole(user, 'leader', 'admin');
  return (
    <>
      <Link to="/tasks">
        <ArrowLeftOutlined /> {t('back')}
      </Link>
      <PageTitle
        title={task.ordinal ? t('heading', { ordinal: task.ordinal }) : t('title')}
        subtitle={
          <Flex vertical gap={2} style={{ marginTop: 4 }}>
            <Link to={`/directives/${task.directive.id}`}>{t('directive', { number: task.directive.number })}</Link>
            {task.section ? (
              <Link to={`/tasks?directiveId=${task.directiveId}&sectionId=${task.section.id}`}>{t('section', { code: task.section.code, title: task.section.title })}</Link>
            ) : null}
          </Flex>
        }
        extra={
          <>
            <span style={{ alignSelf: 'center' }}>
              <StatusTag status={task.statusClass} />
            </span>
            {manages ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={14}>
          <FiveClears task={task} />
          <TaskAssignments task={task} />
          <SourceText text={task.sourceText} />
        </Col>
        <Col xs={24} xl={10}>
          <CommentBox task={task} canDirect={canDirect} />
          <TaskTimeline taskId={task.id} />
        </Col>
      </Row>
      {editing ? <TaskEditModal task={task} open={editing} onClose={() => setEditing(false)} /> : null}
    </>
  );
}

export default function TaskPage() {
  const id = Number(useParams().id);
  const task = useQuery({
    queryKey: ['tasks', id],
    queryFn: ({ signal }) => api.get<TaskDetail>(`/api/tasks/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (!Number.isInteger(id) || id <= 0) return <ErrorState error={null} />;
  if (task.isError) return <ErrorState error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) return <Loading />;
  return <TaskView task={task.data} />;
}
