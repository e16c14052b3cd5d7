import { z } from 'zod';
import { requireActor } from '../http/auth-hook.ts';
import { produceDocument } from '../http/heavy-work.ts';
import { queryId } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { MONTH_PATTERN } from './month.ts';
import { type ProducedDocument, agencyReportDocx, monthlyReportDocx } from './service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const tags = ['Văn bản báo cáo (documents)'];

const period = z.string().trim().regex(MONTH_PATTERN, 'Kỳ báo cáo là một tháng, dạng 2025-05').describe('Tháng báo cáo, dạng 2025-05');
const editable = (what: string) => z.string().max(10_000, 'Tối đa 10.000 ký tự').optional().describe(`${what}; bỏ trống để dùng nội dung soạn sẵn từ số liệu (mỗi dòng một đoạn)`);

export const monthlyReportQuery = z.object({
  directiveId: queryId,
  period,
  opening: editable('Đoạn mở đầu'),
  proposals: editable('Mục III. Đề xuất, kiến nghị với UBND tỉnh'),
});
export const agencyReportQuery = z.object({ orgId: queryId, period, directiveId: queryId.optional() });

const headers = (doc: ProducedDocument) => ({ 'content-type': DOCX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}` });

export function documentRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/documents/monthly-report.docx',
    {
      schema: {
        tags,
        summary: 'Báo cáo tổng hợp tháng của một văn bản chỉ đạo (DOCX theo thể thức Nghị định 30/2020/NĐ-CP), kèm phụ lục danh mục nhiệm vụ',
        querystring: monthlyReportQuery,
      },
    },
    async (req, reply) => {
      const doc = await produceDocument(() => monthlyReportDocx(db, requireActor(req), req.query));
      return reply.headers(headers(doc)).send(doc.file);
    },
  );
  app.get(
    '/api/documents/agency-report.docx',
    {
      schema: {
        tags,
        summary: 'Báo cáo tình hình thực hiện nhiệm vụ của một cơ quan (và đơn vị trực thuộc) trong tháng, theo mọi văn bản hoặc một văn bản (DOCX)',
        querystring: agencyReportQuery,
      },
    },
    async (req, reply) => {
      const doc = await produceDocument(() => agencyReportDocx(db, requireActor(req), req.query));
      return reply.headers(headers(doc)).send(doc.file);
    },
  );
}
