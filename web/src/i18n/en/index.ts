import type { Catalogue } from '../types.ts';
import { auth } from './auth.ts';
import { common } from './common.ts';
import { layout } from './layout.ts';
import { home } from './home.ts';
import { dashboard } from './dashboard.ts';
import { tasks } from './tasks.ts';
import { directives } from './directives.ts';
import { reports } from './reports.ts';
import { review } from './review.ts';
import { indicators } from './indicators.ts';
import { scores } from './scores.ts';
import { imports } from './imports.ts';
import { admin } from './admin.ts';

export const en: Catalogue = { common, layout, auth, home, dashboard, tasks, directives, reports, review, indicators, scores, imports, admin };
