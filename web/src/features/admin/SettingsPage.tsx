import { Col, Flex, Row } from 'antd';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/index.tsx';
import { CalendarCard } from './CalendarCard.tsx';
import { RequireRole } from './RequireRole.tsx';
import { ReminderSettings, ReportingSettings, ScoringSettings } from './SettingsForms.tsx';
import { TestMailCard } from './TestMailCard.tsx';
import { useSettings } from './useSettings.ts';

/** /admin/settings — reporting days, reminders, scoring weights, the working calendar, a test mail. */
export default function SettingsPage() {
  return (
    <RequireRole roles={['admin']}>
      <Settings />
    </RequireRole>
  );
}

function Settings() {
  const t = useT('admin');
  const settings = useSettings();
  return (
    <>
      <PageTitle title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Flex vertical gap={16}>
                <ReportingSettings settings={settings} />
                <ScoringSettings settings={settings} />
              </Flex>
            </Col>
            <Col xs={24} lg={12}>
              <Flex vertical gap={16}>
                <ReminderSettings settings={settings} />
                <TestMailCard />
              </Flex>
            </Col>
          </Row>
          <CalendarCard />
        </Flex>
      )}
    </>
  );
}
