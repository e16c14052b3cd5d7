import { Card, Descriptions, Flex, Grid, Typography } from 'antd';
import type { TaskDetail } from '../../api/types.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { READABLE } from './readableStyles.ts';
import { DeadlineText } from './TaskBits.tsx';

const orgName = (o: TaskDetail['leads'][number]) => o.orgName ?? o.nameAsWritten;

/** "Năm rõ": who leads, what, by when, what product, who is responsible — the five questions every task answers. */
export function FiveClears({ task }: { task: TaskDetail }) {
  const t = useT('tasks');
  // On a phone the labels go above their answers: two columns of Vietnamese would wrap word by word.
  const phone = !Grid.useBreakpoint().sm;
  const persons = task.assignments.filter((a) => a.responsiblePerson).map((a) => `${a.responsiblePerson ?? ''} (${a.orgName})`);
  const extended = task.assignments.find((a) => a.originalDueOn && a.dueOn && a.originalDueOn !== a.dueOn);
  return (
    <Card title={t('fiveClears')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        column={1}
        layout={phone ? 'vertical' : 'horizontal'}
        size="small"
        bordered
        styles={{ label: phone ? undefined : { width: '32%', minWidth: 110, verticalAlign: 'top' }, content: { overflowWrap: 'anywhere' } }}
        items={[
          {
            key: 'who',
            label: t('clear.who'),
            children: task.leads.length ? task.leads.map(orgName).join('; ') : <Typography.Text type="secondary">{t('noLead')}</Typography.Text>,
          },
          {
            key: 'what',
            label: t('clear.what'),
            children: (
              <Flex vertical gap={4}>
                <span>{task.title}</span>
                {task.description ? <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{task.description}</Typography.Text> : null}
              </Flex>
            ),
          },
          {
            key: 'when',
            label: t('clear.when'),
            children: (
              <Flex vertical gap={2}>
                <DeadlineText text={task.deadlineText} kind={task.deadlineKind} dueOn={task.dueOn} />
                {extended?.originalDueOn ? <Typography.Text style={{ color: READABLE.warning }}>{t('extendedFrom', { date: formatDate(extended.originalDueOn) })}</Typography.Text> : null}
              </Flex>
            ),
          },
          {
            key: 'product',
            label: t('clear.product'),
            children: task.product ?? <Typography.Text type="secondary">{t('noProduct')}</Typography.Text>,
          },
          {
            key: 'responsibility',
            label: t('clear.responsibility'),
            children: (
              <Flex vertical gap={2}>
                <span>{persons.length ? t('responsiblePerson', { name: persons.join('; ') }) : <Typography.Text type="secondary">{t('noResponsible')}</Typography.Text>}</span>
                <span>
                  {task.coordinators.length ? (
                    <>
                      <Typography.Text type="secondary">{t('role.coordinator')}: </Typography.Text>
                      {task.coordinators.map(orgName).join('; ')}
                    </>
                  ) : (
                    <Typography.Text type="secondary">{t('noCoordinators')}</Typography.Text>
                  )}
                </span>
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
