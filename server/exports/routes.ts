import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import { produceDocument } from '../http/heavy-work.ts';
import { queryId } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { readUpload } from '../files/upload.ts';
import { periodLabel } from '../reports/schemas.ts';
import { taskListQuery } from '../tasks/schemas.ts';
import { exportIndicatorsXlsx } from './indicators-xlsx.ts';
import { TEMPLATE_MAX_BYTES, importReportTemplate } from './report-template-import.ts';
import { exportReportTemplate } from './report-template-xlsx.ts';
import { exportTasksXlsx } from './tasks-xlsx.ts';
import { XLSX_MIME, attachment } from './xlsx-common.ts';

const rowResult = z.object({
  row: z.number().describe('Số dòng trong Excel'),
  assignmentId: z.number().nullable(),
  task: z.string().nullable(),
  outcome: z.enum(['saved', 'skipped', 'error', 'pending']).describe('pending: hợp lệ nhưng chưa lưu vì tệp còn dòng lỗi'),
  message: z.string(),
});
const importResult = z.object({
  committed: z.boolean().describe('false: có dòng lỗi, không ghi dòng nào'),
  saved: z.number(),
  skipped: z.number(),
  errors: z.number(),
  rows: z.array(rowResult),
});

export function exportRoutes(app: App, { db }: AppDeps): void {
  const tags = ['Xuất dữ liệu (exports)'];
  app.get(
    '/api/exports/tasks.xlsx',
    {
      schema: {
        tags,
        summary: 'Danh sách nhiệm vụ (cùng bộ lọc với danh sách) ra Excel theo cột của phụ lục kế hoạch; bySection=true: mỗi mục một trang',
        querystring: taskListQuery.omit({ page: true, pageSize: true }).extend({ bySection: z.enum(['true', 'false']).optional() }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { bySection, ...q } = req.query;
      const file = await produceDocument(() => exportTasksXlsx(db, actor, q, { bySection: bySection === 'true' }));
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', attachment('danh-sach-nhiem-vu.xlsx'));
      return reply.send(file);
    },
  );

  app.get(
    '/api/exports/indicators.xlsx',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu của văn bản ra Excel: mục tiêu, giá trị từng kỳ (số chưa xác nhận in nghiêng, có ghi chú), giá trị mới nhất, mức đạt và đánh giá theo màu',
        querystring: z.object({ directiveId: queryId }),
      },
    },
    async (req, reply) => {
      const file = await produceDocument(() => exportIndicatorsXlsx(db, requireActor(req), req.query.directiveId));
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', attachment('chi-tieu.xlsx'));
      return reply.send(file);
    },
  );

  app.get(
    '/api/exports/report-template.xlsx',
    {
      schema: {
        tags,
        summary: 'Mẫu Excel để báo cáo ngoại tuyến: mỗi nhiệm vụ đang thực hiện của cơ quan một dòng, điền sẵn bản nháp hoặc nội dung kỳ trước; cơ quan theo dõi chọn cơ quan bằng orgId',
        querystring: z.object({ period: periodLabel.optional(), directiveId: queryId.optional(), orgId: queryId.optional() }),
      },
    },
    async (req, reply) => {
      const { file, filename } = await produceDocument(() => exportReportTemplate(db, requireActor(req), req.query));
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', attachment(filename));
      return reply.send(file);
    },
  );

  app.post(
    '/api/imports/report-template',
    {
      schema: {
        tags: ['Nhập văn bản (imports)', ...tags],
        summary: 'Tải lên mẫu báo cáo đã điền (multipart "file"): lưu thành bản nháp (không gửi) trong một giao dịch; có dòng lỗi thì không lưu dòng nào',
        response: { 200: importResult },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const upload = await readUpload(req, TEMPLATE_MAX_BYTES);
      return importReportTemplate(db, actor, upload.bytes, upload.filename);
    },
  );
}
