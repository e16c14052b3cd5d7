import { Progress, Typography } from 'antd';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import type { TaskListItem } from './types.ts';

/** The deadline as the document wrote it, with the computed due date under it. */
export function DeadlineText({ text, kind, dueOn }: { text: string | null; kind: string; dueOn: string | null }) {
  const t = useT('tasks');
  const written = text ?? (kind === 'none' ? t('noDeadline') : t(`deadlineKind.${kind}` as 'deadlineKind.none'));
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ overflowWrap: 'anywhere' }}>{written}</div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {dueOn ? t('dueOn', { date: formatDate(dueOn) }) : t('noDueDate')}
      </Typography.Text>
    </div>
  );
}

/** The lead agencies by their directory name (or as the document wrote them when not found). */
export function leadNames(task: Pick<TaskListItem, 'leads'>): string[] {
  return task.leads.map((l) => l.orgName ?? l.nameAsWritten);
}

export function LeadAgencies({ task }: { task: Pick<TaskListItem, 'leads'> }) {
  const t = useT('tasks');
  const names = leadNames(task);
  if (!names.length) return <Typography.Text type="secondary">{t('noLead')}</Typography.Text>;
  return <span style={{ overflowWrap: 'anywhere' }}>{names.join('; ')}</span>;
}

/** Average progress of the task's assignments; "not assigned" when nobody carries it. */
export function TaskProgressBar({ progress, label }: { progress: number | null | undefined; label: string }) {
  const t = useT('tasks');
  if (progress === undefined) return null;
  if (progress === null) return <Typography.Text type="secondary">{t('notAssigned')}</Typography.Text>;
  return <Progress percent={progress} size="small" aria-label={label} status={progress >= 100 ? 'success' : 'normal'} style={{ margin: 0, minWidth: 90 }} />;
}
