import { lazy, Suspense } from 'react';
import { hasRole, isAgencyRole, useUser } from '../../auth/session.tsx';
import { Loading } from '../../components/Loading.tsx';
import { AgencyHome } from './AgencyHome.tsx';
import { CoordinatorHome } from './CoordinatorHome.tsx';

// Leaders, inspectors and viewers land on the dashboard; its chunk (and echarts) loads only for them.
const DashboardPage = lazy(() => import('../dashboard/DashboardPage.tsx'));

/** The first screen after sign-in: what this user has to do, or the province's picture for those who watch. */
export default function HomePage() {
  const user = useUser();
  if (isAgencyRole(user.role)) return <AgencyHome />;
  if (hasRole(user, 'coordinator', 'admin')) return <CoordinatorHome />;
  return (
    <Suspense fallback={<Loading />}>
      <DashboardPage />
    </Suspense>
  );
}
