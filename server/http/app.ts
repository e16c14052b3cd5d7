import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { auditRoutes } from '../audit/routes.ts';
import { authRoutes } from '../auth/routes.ts';
import { tokenRoutes } from '../auth/token-routes.ts';
import { assignmentRoutes } from '../assignments/routes.ts';
import { currentMigration } from '../db/migrate.ts';
import { commentRoutes } from '../comments/routes.ts';
import { dashboardRoutes } from '../dashboard/routes.ts';
import { directiveRoutes } from '../directives/routes.ts';
import { documentRoutes } from '../documents/routes.ts';
import { decisionRoutes } from '../extensions/routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import { exportRoutes } from '../exports/routes.ts';
import { openDataRoutes } from '../open-data/routes.ts';
import { fileRoutes } from '../files/routes.ts';
import { importRoutes } from '../imports/routes.ts';
import { indicatorRoutes } from '../indicators/routes.ts';
import { orgRoutes } from '../orgs/routes.ts';
import { scoreRoutes } from '../scores/routes.ts';
import { settingRoutes } from '../settings/routes.ts';
import { testMailRoutes } from '../settings/test-mail.ts';
import { reportRoutes } from '../reports/routes.ts';
import { taskRoutes } from '../tasks/routes.ts';
import { taskOverviewRoutes } from '../task-overview/routes.ts';
import { userRoutes } from '../users/routes.ts';
import { worklistRoutes } from '../worklist/routes.ts';
import { authHook } from './auth-hook.ts';
import { AppError } from '../errors.ts';
import { errorHandler, sendError } from './errors.ts';
import { serveWebApp } from './web.ts';
import type { App, AppDeps } from './types.ts';

z.config(z.locales.vi());

export const API_BODY_LIMIT = 1024 * 1024;

/** Trust the given number of proxy hops in front of the server. */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

export async function buildApp(deps: AppDeps, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ? { level: deps.config.logLevel } : false,
    bodyLimit: API_BODY_LIMIT,
    // Without this, a bad %-escape or an over-long path parameter gets Fastify's own English JSON.
    frameworkErrors: errorHandler,
    trustProxy: typeof deps.config.trustProxy === 'number' ? trustHops(deps.config.trustProxy) : deps.config.trustProxy,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => sendError(reply, req.url.startsWith('/api/') ? 'route_not_found' : 'not_found'));

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Many installs are plain http on a LAN: upgrading would break every asset there.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie, { secret: deps.config.sessionSecret });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Năm Rõ API',
        version: '1',
        description:
          'Theo dõi nhiệm vụ và chỉ tiêu của văn bản chỉ đạo. Đăng nhập bằng cookie phiên (gửi kèm x-csrf-token khi ghi) hoặc mã API (Authorization: Bearer nr_…). Lỗi trả về {"error":{"code","message"}}.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'namro_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', authHook(deps.db, deps.config.sessionSecret));
  // No text in Năm Rõ may hold a NUL character: PostgreSQL refuses it, and it is never legitimate input.
  app.addHook('preValidation', async (req) => {
    if (containsNul(req.query) || containsNul(req.body) || containsNul(req.params)) {
      throw new AppError('validation_failed', 'Dữ liệu chứa ký tự không hợp lệ (NUL).');
    }
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    // API answers may hold personal data: never cached. The web app's files set their own caching.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  let migration: string | undefined;
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['Hệ thống'],
        summary: 'Tình trạng máy chủ và cơ sở dữ liệu',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), migration: z.string() }) },
      },
    },
    async () => {
      // A real round trip proves the database answers; the migration name is read once (migrations run at boot).
      await sql`select 1`.execute(deps.db);
      migration ??= (await currentMigration(deps.db)) ?? '';
      return { status: 'ok' as const, database: deps.dialect, migration };
    },
  );

  authRoutes(app, deps);
  tokenRoutes(app, deps);
  orgRoutes(app, deps);
  userRoutes(app, deps);
  directiveRoutes(app, deps);
  taskRoutes(app, deps);
  taskOverviewRoutes(app, deps);
  assignmentRoutes(app, deps);
  reportRoutes(app, deps);
  decisionRoutes(app, deps);
  notificationRoutes(app, deps);
  commentRoutes(app, deps);
  settingRoutes(app, deps);
  testMailRoutes(app, deps);
  indicatorRoutes(app, deps);
  await fileRoutes(app, deps);
  importRoutes(app, deps);
  scoreRoutes(app, deps);
  dashboardRoutes(app, deps);
  documentRoutes(app, deps);
  exportRoutes(app, deps);
  openDataRoutes(app, deps);
  auditRoutes(app, deps);
  worklistRoutes(app, deps);
  await serveWebApp(app, deps.config.webDir);
  return app;
}
