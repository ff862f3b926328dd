/** Backups of both sides: a synchronisation needs one made after its pull. */
import { BackupInfoSchema, BackupListSchema, DossierParamsSchema, EmptyBodySchema } from '../../../contract/api';
import { backupInfo } from '../responses';
import { defineRoute, type AnyRoute } from '../route';

export function backupRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/dossiers/:dossier/backups',
      tag: 'backups',
      summary: 'Back up both systems now',
      roles: ['Sync.Apply'],
      params: DossierParamsSchema,
      body: EmptyBodySchema,
      responses: { 201: { description: 'The backup, with the SHA-256 of its file.', schema: BackupInfoSchema } },
      handler: async ({ dossier, principal, req, reply }) => {
        const backup = await dossier.open.engine.backup(principal.user);
        req.log.info({ user: principal.user, dossier: dossier.entry.id, backup: backup.id }, 'backup made');
        reply.code(201);
        return backupInfo(backup);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/backups',
      tag: 'backups',
      summary: 'The dossier’s backups, newest first',
      roles: ['Sync.Review'],
      params: DossierParamsSchema,
      responses: { 200: { description: 'The backups.', schema: BackupListSchema } },
      handler: async ({ dossier }) => ({ backups: dossier.open.engine.backups().map(backupInfo) }),
    }),
  ];
}
