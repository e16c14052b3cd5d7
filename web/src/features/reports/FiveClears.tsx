import { Descriptions, Grid, Tag, Typography } from 'antd';
import type { AssignmentDetail, TaskDetail } from '../../api/types.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';

/** "Năm rõ" at the top of an assignment: who leads, what, by when, which product, who answers for it. */
export function FiveClears({ assignment, task }: { assignment: AssignmentDetail; task: TaskDetail | undefined }) {
  const t = useT('reports');
  const tc = useT('common');
  const screens = Grid.useBreakpoint();
  const coordinators = task?.coordinators.map((c) => c.orgName ?? c.nameAsWritten) ?? [];
  const due = assignment.dueOn ? formatDate(assignment.dueOn) : (assignment.task.deadlineText ?? t('noDueDate'));
  const moved = assignment.originalDueOn && assignment.dueOn && assignment.originalDueOn !== assignment.dueOn;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      // On a phone the labels go above the values: a side column would squeeze the task text to a few words a line.
      layout={screens.sm === false ? 'vertical' : 'horizontal'}
      styles={{ label: screens.sm === false ? {} : { width: '30%', minWidth: 120 } }}
      items={[
        {
          key: 'who',
          label: t('clear.who'),
          children: (
            <>
              <div>{assignment.orgName}</div>
              {coordinators.length ? <Typography.Text type="secondary">{t('coordinatorsLabel', { names: coordinators.join('; ') })}</Typography.Text> : null}
            </>
          ),
        },
        { key: 'what', label: t('clear.what'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{assignment.task.title}</span> },
        {
          key: 'when',
          label: t('clear.when'),
          children: (
            <>
              <span>{due}</span>{' '}
              <StatusTag status={assignment.statusClass} />{' '}
              {assignment.daysOverdue > 0 ? <Tag color="red">{tc('daysLate', { n: assignment.daysOverdue })}</Tag> : null}
              {moved ? <div><Typography.Text type="secondary">{t('originalDue', { date: formatDate(assignment.originalDueOn) })}</Typography.Text></div> : null}
              {assignment.task.deadlineText && assignment.dueOn ? <div><Typography.Text type="secondary">“{assignment.task.deadlineText}”</Typography.Text></div> : null}
            </>
          ),
        },
        { key: 'product', label: t('clear.product'), children: task?.product ?? <Typography.Text type="secondary">{t('notSet')}</Typography.Text> },
        { key: 'responsible', label: t('clear.responsible'), children: assignment.responsiblePerson ?? <Typography.Text type="secondary">{t('notSet')}</Typography.Text> },
      ]}
    />
  );
}
