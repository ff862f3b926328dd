/** The audit record of a run, as JSON or as the workbook a firm keeps. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditExportSchema, AuditQuerySchema, RunParamsSchema } from '../../../contract/api';
import { writeAuditWorkbook } from '../../xlsx/audit';
import { defineRoute, type AnyRoute } from '../route';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function auditRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/runs/:runId/audit',
      tag: 'runs',
      summary: 'The audit record of a run: who, when, which backup, every row’s before and after, and whether the hash chain is intact',
      roles: ['Sync.Review'],
      params: RunParamsSchema,
      query: AuditQuerySchema,
      responses: {
        200: { description: 'JSON (format=json) or a workbook (format=xlsx, sheets in `lang`).', schema: AuditExportSchema },
      },
      handler: async ({ dossier, params, query, reply }) => {
        const audit = dossier.open.engine.audit(params.runId);
        if (query.format === 'json') return audit;
        // The workbook writer writes files: it goes through a private temporary folder.
        const dir = await mkdtemp(join(tmpdir(), 'bobsync-audit-'));
        try {
          const file = join(dir, `${params.runId}.xlsx`);
          await writeAuditWorkbook(file, audit, query.lang);
          const content = await readFile(file);
          return reply.type(XLSX).header('content-disposition', `attachment; filename="audit-${params.runId}.xlsx"`).send(content);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    }),
  ];
}
