import {
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  HomeOutlined,
  ImportOutlined,
  ApartmentOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  FormOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../api/types.ts';
import type { vi } from '../i18n/vi/index.ts';

type MenuKey = keyof (typeof vi)['layout'] & `menu.${string}`;

export interface MenuEntry {
  path: string;
  label: MenuKey;
  icon: ReactNode;
  roles: readonly Role[] | 'all';
  group?: 'admin';
}

const AGENCY: readonly Role[] = ['agency_leader', 'agency_staff'];

/** The menu; each entry lists who sees it (the server checks again on every request). */
export const MENU: readonly MenuEntry[] = [
  { path: '/', label: 'menu.home', icon: <HomeOutlined />, roles: 'all' },
  { path: '/dashboard', label: 'menu.dashboard', icon: <BarChartOutlined />, roles: ['admin', 'coordinator', 'leader', 'inspector', 'viewer', ...AGENCY] },
  { path: '/reports', label: 'menu.myReports', icon: <FormOutlined />, roles: AGENCY },
  { path: '/review', label: 'menu.review', icon: <CheckSquareOutlined />, roles: ['admin', 'coordinator'] },
  { path: '/tasks', label: 'menu.tasks', icon: <UnorderedListOutlined />, roles: 'all' },
  { path: '/directives', label: 'menu.directives', icon: <FileTextOutlined />, roles: 'all' },
  { path: '/indicators', label: 'menu.indicators', icon: <AppstoreOutlined />, roles: 'all' },
  { path: '/scores', label: 'menu.scores', icon: <TrophyOutlined />, roles: 'all' },
  { path: '/import', label: 'menu.import', icon: <ImportOutlined />, roles: ['admin', 'coordinator'] },
  { path: '/admin/orgs', label: 'menu.orgs', icon: <ApartmentOutlined />, roles: ['admin', 'coordinator'], group: 'admin' },
  { path: '/admin/users', label: 'menu.users', icon: <TeamOutlined />, roles: ['admin'], group: 'admin' },
  { path: '/admin/settings', label: 'menu.settings', icon: <SettingOutlined />, roles: ['admin'], group: 'admin' },
  { path: '/admin/audit', label: 'menu.audit', icon: <AuditOutlined />, roles: ['admin', 'inspector'], group: 'admin' },
];

export function menuFor(role: Role): MenuEntry[] {
  return MENU.filter((m) => m.roles === 'all' || m.roles.includes(role));
}

/** The menu entry a path belongs to (the longest matching prefix), for highlighting. */
export function activeMenuPath(pathname: string, entries: readonly MenuEntry[]): string {
  let best = '/';
  for (const e of entries) {
    if (e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)) && e.path.length > best.length) best = e.path;
  }
  return best;
}
