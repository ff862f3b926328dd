/** Undo of a whole run, while both systems still hold what it wrote. */
import { RunParamsSchema, RunStatusSchema, UndoBodySchema } from '../../../contract/api';
import { HttpProblem, problemsRefusal } from '../problems';
import { runStatus } from '../responses';
import { defineRoute, type AnyRoute, type ServiceContext } from '../route';

export function undoRoutes(ctx: ServiceContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/dossiers/:dossier/runs/:runId/undo',
      tag: 'runs',
      summary: 'Undo a run: put back every value it wrote, remove what it created',
      description: 'Refused, with the rows that block it, when either system changed a value the run wrote. The undo is a run of its own; it continues if the client disconnects.',
      roles: ['Sync.Apply'],
      params: RunParamsSchema,
      body: UndoBodySchema,
      responses: {
        200: { description: 'The undo run.', schema: RunStatusSchema },
        409: { description: 'Another apply or undo holds the dossier, the run is already undone, or values changed since the run.' },
        422: { description: 'Not confirmed.' },
      },
      handler: async ({ dossier, params, body, principal, req }) => {
        if (ctx.stopping) throw new HttpProblem(503, 'stopping', 'The service is stopping: try again in a moment.');
        req.log.info({ user: principal.user, dossier: dossier.entry.id, runId: params.runId }, 'undo requested');
        const result = await ctx.live.undo(dossier.open.engine, params.runId, principal.user, body.confirmed);
        if (result.runId === null) throw problemsRefusal(result.problems, `Run ${params.runId} was not undone`);
        return runStatus(dossier.open.store.run(result.runId)!, undefined);
      },
    }),
  ];
}
