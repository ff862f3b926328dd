/** Never-sync flags changed from the global view, outside a run. */
import { DossierParamsSchema, NeverFlagsBodySchema, NeverFlagsResultSchema } from '../../../contract/api';
import { setNeverFlags } from '../../engine/neverFlags';
import { problemsRefusal } from '../problems';
import { defineRoute, type AnyRoute } from '../route';

export function associationRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/dossiers/:dossier/associations/never',
      tag: 'associations',
      summary: 'Set or clear the never-sync flag of customers, each with a reason',
      description:
        'Every key must be in the global view of the given pull. A flag another user set can only be changed by Sync.Admin. All changes are written, or none.',
      roles: ['Sync.Apply', 'Sync.Admin'],
      params: DossierParamsSchema,
      body: NeverFlagsBodySchema,
      responses: {
        200: { description: 'The flags as they now stand.', schema: NeverFlagsResultSchema },
        422: { description: 'Keys not in the pull, or given twice; nothing was written.' },
      },
      handler: async ({ dossier, body, principal, roles, req }) => {
        const outcome = setNeverFlags(dossier.open.engine.ctx, {
          pullId: body.pullId,
          changes: body.changes,
          user: principal.user,
          mayChangeOthers: roles.includes('Sync.Admin'),
        });
        if (outcome.problems.length > 0) throw problemsRefusal(outcome.problems, 'No flag was changed');
        req.log.info({ user: principal.user, dossier: dossier.entry.id, flags: outcome.updated.length }, 'never-sync flags changed');
        return {
          updated: outcome.updated.map((u) => ({
            key: u.key,
            never: u.never !== null,
            neverBy: u.never?.by ?? '',
            neverAt: u.never?.at ?? '',
            neverReason: u.never?.reason ?? '',
          })),
        };
      },
    }),
  ];
}
