/** Pulls: computing the pending changes, then reading their rows and the global view page by page. */
import type { FastifyReply } from 'fastify';
import {
  AssociationsPageSchema,
  DossierParamsSchema,
  EmptyBodySchema,
  PageQuerySchema,
  PullInfoSchema,
  PullParamsSchema,
  RowsPageSchema,
  type PageQuery,
} from '../../../contract/api';
import type { JsonPage } from '../../store/pullPages';
import { pullRowsPage, pullViewPage } from '../../store/pullPages';
import type { PullMeta } from '../../store/store';
import type { ServedDossier } from '../dossiers';
import { HttpProblem } from '../problems';
import { pullInfo } from '../responses';
import { defineRoute, type AnyRoute } from '../route';

export function pullRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/dossiers/:dossier/pulls',
      tag: 'pulls',
      summary: 'Compute the pending changes now',
      description: 'Reads both systems and records the pending rows under a new pull id; the rows are then read page by page.',
      roles: ['Sync.Review'],
      params: DossierParamsSchema,
      body: EmptyBodySchema,
      responses: { 201: { description: 'The pull, with its counts.', schema: PullInfoSchema } },
      handler: async ({ dossier, principal, req, reply }) => {
        const { pull } = await dossier.open.engine.pull(principal.user);
        reply.code(201).header('location', `${req.url}/${pull.id}`);
        return pullInfo(pull);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/pulls/:pullId',
      tag: 'pulls',
      summary: 'One pull: when, by whom, its counts and custom-field settings',
      roles: ['Sync.Review'],
      params: PullParamsSchema,
      responses: { 200: { description: 'The pull.', schema: PullInfoSchema } },
      handler: async ({ dossier, params }) => pullInfo(pullOf(dossier, params.pullId)),
    }),
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/pulls/:pullId/rows',
      tag: 'pulls',
      summary: 'A page of the pull’s pending rows, in order',
      roles: ['Sync.Review'],
      params: PullParamsSchema,
      query: PageQuerySchema,
      responses: { 200: { description: 'Rows offset … offset+limit−1 of `total`.', schema: RowsPageSchema } },
      handler: async ({ dossier, params, query, reply }) => {
        const pull = pullOf(dossier, params.pullId);
        return sendPage(reply, query, pullRowsPage(dossier.open.store, pull, query.offset, query.limit));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/pulls/:pullId/associations',
      tag: 'associations',
      summary: 'A page of the global view of associations, as the pull saw it',
      description: 'Every customer known to either side, eligible or not, with its never-sync flag.',
      roles: ['Sync.Review'],
      params: PullParamsSchema,
      query: PageQuerySchema,
      responses: { 200: { description: 'Customers offset … offset+limit−1 of `total`.', schema: AssociationsPageSchema } },
      handler: async ({ dossier, params, query, reply }) => {
        const pull = pullOf(dossier, params.pullId);
        return sendPage(reply, query, pullViewPage(dossier.open.store, pull.id, query.offset, query.limit));
      },
    }),
  ];
}

function pullOf(dossier: ServedDossier, pullId: string): PullMeta {
  const pull = dossier.open.store.pull(pullId);
  if (!pull || pull.dossier !== dossier.entry.id) throw new HttpProblem(404, 'unknown_pull', `There is no pull ${pullId} in dossier ${dossier.entry.id}.`);
  return pull;
}

/** The stored JSON of each item goes out as is: a page is never parsed and re-serialised. */
function sendPage(reply: FastifyReply, query: PageQuery, page: JsonPage) {
  const head = JSON.stringify({ offset: query.offset, limit: query.limit, total: page.total });
  return reply.type('application/json; charset=utf-8').send(`${head.slice(0, -1)},"items":[${page.items.join(',')}]}`);
}
