import { Suspense, lazy } from 'react';
import { Navigate, Outlet, createBrowserRouter, useLocation } from 'react-router';
import { LoginPage } from '../auth/LoginPage.tsx';
import { useSession } from '../auth/session.tsx';
import { Loading } from '../components/Loading.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

// Every screen is its own chunk, the signed-in frame too: the sign-in page downloads only what it shows.
const AppLayout = lazy(() => import('./Layout.tsx').then((m) => ({ default: m.AppLayout })));
const HomePage = lazy(() => import('../features/home/HomePage.tsx'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx'));
const TaskListPage = lazy(() => import('../features/tasks/TaskListPage.tsx'));
const TaskPage = lazy(() => import('../features/tasks/TaskPage.tsx'));
const DirectiveListPage = lazy(() => import('../features/directives/DirectiveListPage.tsx'));
const DirectivePage = lazy(() => import('../features/directives/DirectivePage.tsx'));
const MyReportsPage = lazy(() => import('../features/reports/MyReportsPage.tsx'));
const AssignmentPage = lazy(() => import('../features/reports/AssignmentPage.tsx'));
const ReviewPage = lazy(() => import('../features/review/ReviewPage.tsx'));
const IndicatorsPage = lazy(() => import('../features/indicators/IndicatorsPage.tsx'));
const ScoresPage = lazy(() => import('../features/scores/ScoresPage.tsx'));
const ImportWizardPage = lazy(() => import('../features/imports/ImportWizardPage.tsx'));
const OrgsPage = lazy(() => import('../features/admin/OrgsPage.tsx'));
const UsersPage = lazy(() => import('../features/admin/UsersPage.tsx'));
const SettingsPage = lazy(() => import('../features/admin/SettingsPage.tsx'));
const AuditPage = lazy(() => import('../features/admin/AuditPage.tsx'));

/** Pages behind sign-in: without a session, go to sign-in and come back here afterwards. */
function RequireSession() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'tasks', element: <TaskListPage /> },
          { path: 'tasks/:id', element: <TaskPage /> },
          { path: 'directives', element: <DirectiveListPage /> },
          { path: 'directives/:id', element: <DirectivePage /> },
          { path: 'reports', element: <MyReportsPage /> },
          { path: 'assignments/:id', element: <AssignmentPage /> },
          { path: 'review', element: <ReviewPage /> },
          { path: 'indicators', element: <IndicatorsPage /> },
          { path: 'scores', element: <ScoresPage /> },
          { path: 'import', element: <ImportWizardPage /> },
          { path: 'admin/orgs', element: <OrgsPage /> },
          { path: 'admin/users', element: <UsersPage /> },
          { path: 'admin/settings', element: <SettingsPage /> },
          { path: 'admin/audit', element: <AuditPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
