import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { idParams } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { toCsv } from './csv.ts';
import { listOpenDirectives, openTasks, openTasksTable } from './service.ts';

const tags = ['Dữ liệu mở (open data)'];

const openDirective = z.object({
  id: z.number(),
  number: z.string().describe('Số, ký hiệu'),
  kind: z.string(),
  title: z.string().describe('Trích yếu'),
  issuedOn: z.string().nullable(),
  issuerName: z.string().nullable(),
  taskCount: z.number(),
  publishesReports: z.boolean().describe('Có công bố kết quả của báo cáo đã được chấp nhận gần nhất'),
  updatedAt: z.string(),
});
const openTask = z.object({
  number: z.string().describe('Số thứ tự như văn bản ghi'),
  name: z.string(),
  section: z.object({ code: z.string(), title: z.string() }).nullable(),
  leadAgencies: z.array(z.string()),
  coordinatingAgencies: z.array(z.string()),
  product: z.string().nullable(),
  deadlineText: z.string().nullable().describe('Thời gian hoàn thành như văn bản viết'),
  dueOn: z.string().nullable().describe('yyyy-mm-dd'),
  status: z.string().describe('completed_on_time | completed_late | in_progress | due_soon | overdue | ongoing | waiting_condition | not_started'),
  statusLabel: z.string(),
  progress: z.number().nullable(),
  daysLate: z.number(),
  latestReport: z.object({ period: z.string(), agency: z.string(), results: z.string() }).nullable().optional().describe('Chỉ có khi văn bản công bố cả kết quả báo cáo'),
});

/** Anyone may read open data, also from another site's script. */
function publicHeaders(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*');
  reply.header('cross-origin-resource-policy', 'cross-origin');
  reply.header('cache-control', 'public, max-age=300');
}

/** Public, read-only routes (no sign-in): only directives whose coordinator opted in to open data. */
export function openDataRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/open/directives',
    { schema: { tags, summary: 'Các văn bản công bố dữ liệu mở (không cần đăng nhập)', security: [], response: { 200: z.object({ items: z.array(openDirective) }) } } },
    async (_req, reply) => {
      publicHeaders(reply);
      return { items: await listOpenDirectives(db) };
    },
  );
  app.get(
    '/api/open/directives/:id/tasks.json',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ của văn bản (dữ liệu mở, JSON): cơ quan chủ trì, phối hợp, sản phẩm, thời hạn, trạng thái, tiến độ; không có dữ liệu cá nhân',
        security: [],
        params: idParams,
        response: { 200: z.object({ directive: openDirective, generatedAt: z.string(), tasks: z.array(openTask) }) },
      },
    },
    async (req, reply) => {
      const data = await openTasks(db, req.params.id);
      publicHeaders(reply);
      return { ...data, generatedAt: new Date().toISOString() };
    },
  );
  app.get(
    '/api/open/directives/:id/tasks.csv',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ của văn bản (dữ liệu mở, CSV UTF-8 có BOM, RFC 4180, tiêu đề cột tiếng Việt)',
        security: [],
        params: idParams,
      },
    },
    async (req, reply) => {
      const data = await openTasks(db, req.params.id);
      const { headers, rows } = openTasksTable(data);
      publicHeaders(reply);
      const slug = data.directive.number.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-|-$/g, '');
      reply.header('content-type', 'text/csv; charset=utf-8; header=present');
      reply.header('content-disposition', `attachment; filename="nhiem-vu-${slug}.csv"`);
      return reply.send(toCsv(headers, rows));
    },
  );
}
