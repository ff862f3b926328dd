/**
 * Runs: a dry run answers at once; an apply starts, is answered with 202 and its id as soon as
 * the engine has accepted the decisions, and goes on whatever the client does. Its progress is
 * streamed as server-sent events; its result rows are read page by page.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CreateRunBodySchema,
  DossierParamsSchema,
  JournalPageSchema,
  PageQuerySchema,
  RowResultsPageSchema,
  RunAnswerSchema,
  RunListSchema,
  RunParamsSchema,
  RunStatusSchema,
  type RunStatus,
} from '../../../contract/api';
import type { RowResult } from '../../../contract/pending';
import type { RunResult } from '../../engine/results';
import { runHeaders } from '../../store/runList';
import { stableJson, type RunMeta } from '../../store/store';
import type { ServedDossier } from '../dossiers';
import type { LiveRun } from '../liveRuns';
import { HttpProblem, problemDetails, problemsRefusal, toProblem } from '../problems';
import { runMetaInfo, runStatus, startingRunStatus } from '../responses';
import { defineRoute, type AnyRoute, type ServiceContext } from '../route';
import { openEventStream } from '../sse';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function runRoutes(ctx: ServiceContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/dossiers/:dossier/runs',
      tag: 'runs',
      summary: 'Check (dryRun) or apply the decisions of a pull',
      description:
        'A dry run predicts each row and writes nothing. An apply needs Sync.Apply, the confirmation, a backup made after the pull and an Idempotency-Key: ' +
        'it is answered with 202 once the decisions are accepted, and continues if the client disconnects. The same key returns the same run. ' +
        'One apply at a time per dossier: another gets 409 with who holds it.',
      roles: ['Sync.Review'],
      params: DossierParamsSchema,
      body: CreateRunBodySchema,
      headers: { 'Idempotency-Key': 'Required for an apply: a retried request with the same key returns the first run (1 to 200 visible ASCII characters).' },
      bodyLimit: ctx.config.limits.runBodyBytes,
      responses: {
        200: { description: 'A dry run’s prediction, or the run an Idempotency-Key already names (`replayed`).', schema: RunAnswerSchema },
        202: { description: 'The apply started: follow `Location`, its events, then its results.', schema: RunStatusSchema },
        409: { description: 'Another apply or undo holds the dossier (`holder`), or no backup was made after the pull.' },
        422: { description: 'Problems with the decisions, each with its row key and field; nothing was written.' },
        428: { description: 'An apply without an Idempotency-Key.' },
      },
      handler: async ({ dossier, body, principal, roles, req, reply }) => {
        const request = { ...body, user: principal.user };
        if (body.dryRun) {
          const result = await dossier.open.engine.apply(request);
          if (result.problems.length > 0) throw problemsRefusal(result.problems, 'The decisions cannot be applied');
          return { dryRun: true, counts: result.counts, results: result.results };
        }
        if (!roles.includes('Sync.Apply')) throw new HttpProblem(403, 'forbidden', `Applying needs the role Sync.Apply on dossier ${dossier.entry.id}.`);
        if (ctx.stopping) throw new HttpProblem(503, 'stopping', 'The service is stopping: try again in a moment.');
        const key = idempotencyKey(req);
        const fingerprint = fingerprintOf(body.pullId, body.decisions);
        const live = ctx.live.byKey(dossier.entry.id, key);
        if (live) return answer(sameRequest(live.fingerprint, fingerprint, live), dossier, req, reply);
        const earlier = dossier.open.store.runByIdempotencyKey(dossier.entry.id, key);
        if (earlier) {
          sameRequest(fingerprintOf(earlier.pullId ?? '', earlier.decisions), fingerprint, earlier);
          return runStatus(earlier, undefined, true);
        }
        const run = ctx.live.startApply(dossier.open.engine, { ...request, idempotencyKey: key }, fingerprint);
        req.log.info({ user: principal.user, dossier: dossier.entry.id, runId: run.id }, 'apply requested');
        run.outcome.then(
          (r) => req.log.info({ runId: run.id, counts: r.counts, problems: r.problems.length }, 'apply ended'),
          (error: unknown) => req.log.error({ runId: run.id, err: error }, 'apply failed'),
        );
        return answer(run, dossier, req, reply);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/runs',
      tag: 'runs',
      summary: 'The dossier’s runs (applies and undos), oldest first',
      roles: ['Sync.Review'],
      params: DossierParamsSchema,
      responses: { 200: { description: 'The runs.', schema: RunListSchema } },
      handler: async ({ dossier }) => ({
        runs: runHeaders(dossier.open.store, dossier.entry.id).map((r) => runMetaInfo(r, ctx.live.get(dossier.entry.id, r.id))),
      }),
    }),
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/runs/:runId',
      tag: 'runs',
      summary: 'One run: its state, progress and counts',
      roles: ['Sync.Review'],
      params: RunParamsSchema,
      responses: { 200: { description: 'The run.', schema: RunStatusSchema } },
      handler: async ({ dossier, params }) => currentStatus(ctx, dossier, params.runId),
    }),
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/runs/:runId/events',
      tag: 'runs',
      summary: 'The run’s progress as server-sent events',
      description:
        'Events: `progress` (RunProgress) while the run goes on, then `end` (RunStatus) or `error` (ProblemDetails), after which the stream closes. ' +
        'A run that has ended gives its `end` at once, so a client that lost the stream reconnects and gets the outcome.',
      roles: ['Sync.Review'],
      params: RunParamsSchema,
      compress: false,
      responses: { 200: { description: 'An event stream.', contentType: 'text/event-stream' } },
      handler: async ({ dossier, params, req, reply }) => {
        const status = currentStatus(ctx, dossier, params.runId);
        const live = ctx.live.get(dossier.entry.id, params.runId);
        const sse = openEventStream(reply);
        if (!live) {
          sse.send('end', status);
          sse.end();
          return reply.send(sse.stream);
        }
        if (live.progress) sse.send('progress', live.progress);
        const stop = live.listen((e) => {
          if (e.type === 'progress') return sse.send('progress', e.progress);
          if (e.type === 'end' && e.result.runId !== null) sse.send('end', finalStatus(dossier, e.result));
          else sse.send('error', problemDetails(req, e.type === 'error' ? toProblem(e.error) : problemsRefusal(e.result.problems, 'The run did not start')));
          sse.end();
        });
        sse.onClose(stop);
        return reply.send(sse.stream);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/runs/:runId/results',
      tag: 'runs',
      summary: 'A page of the run’s result rows',
      roles: ['Sync.Review'],
      params: RunParamsSchema,
      query: PageQuerySchema,
      responses: { 200: { description: 'Results offset … offset+limit−1 of `total`.', schema: RowResultsPageSchema } },
      handler: async ({ dossier, params, query }) => {
        const results = ((recordedRun(ctx, dossier, params.runId)?.result ?? []) as RowResult[]);
        return { offset: query.offset, limit: query.limit, total: results.length, items: results.slice(query.offset, query.offset + query.limit) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/runs/:runId/journal',
      tag: 'runs',
      summary: 'A page of the run’s journal: one line per written field (the Journal sheet)',
      roles: ['Sync.Review'],
      params: RunParamsSchema,
      query: PageQuerySchema,
      responses: { 200: { description: 'Lines offset … offset+limit−1 of `total`.', schema: JournalPageSchema } },
      handler: async ({ dossier, params, query }) => {
        const lines = recordedRun(ctx, dossier, params.runId) ? dossier.open.engine.journal(params.runId) : [];
        return { offset: query.offset, limit: query.limit, total: lines.length, items: lines.slice(query.offset, query.offset + query.limit) };
      },
    }),
  ];
}

function idempotencyKey(req: FastifyRequest): string {
  const key = req.headers['idempotency-key'];
  if (key === undefined) throw new HttpProblem(428, 'idempotency_key_required', 'An apply needs an Idempotency-Key header, so that a retry cannot run it twice.');
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new HttpProblem(400, 'invalid_idempotency_key', 'The Idempotency-Key header takes 1 to 200 visible ASCII characters.');
  }
  return key;
}

/** What a retry must repeat: the pull and the decisions. */
const fingerprintOf = (pullId: string, decisions: unknown): string => createHash('sha256').update(stableJson({ pullId, decisions })).digest('hex');

function sameRequest<T>(first: string, now: string, run: T): T {
  if (first !== now) throw new HttpProblem(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another request: use a new key for new decisions.');
  return run;
}

/** Waits until the engine accepted the decisions (202) or settled without starting. */
async function answer(run: LiveRun, dossier: ServedDossier, req: FastifyRequest, reply: FastifyReply): Promise<RunStatus> {
  if ((await run.accepted) === 'started') {
    reply.code(202).header('location', `/api/v1/dossiers/${dossier.entry.id}/runs/${run.id}`);
    const recorded = dossier.open.store.run(run.id);
    return recorded ? runStatus(recorded, run) : startingRunStatus(run);
  }
  const result = await run.outcome;
  if (result.runId === null) throw problemsRefusal(result.problems, 'The decisions cannot be applied');
  req.log.info({ runId: result.runId }, 'idempotency key matched a finished run');
  return finalStatus(dossier, result);
}

function finalStatus(dossier: ServedDossier, result: RunResult): RunStatus {
  return runStatus(dossier.open.store.run(result.runId!)!, undefined, result.replayed ?? false);
}

/** The run as recorded in this dossier, or undefined while an apply has not recorded it yet. */
function recordedRun(ctx: ServiceContext, dossier: ServedDossier, runId: string): RunMeta | undefined {
  const run = dossier.open.store.run(runId);
  if (run?.dossier === dossier.entry.id) return run;
  if (ctx.live.get(dossier.entry.id, runId)) return undefined;
  throw new HttpProblem(404, 'unknown_run', `There is no run ${runId} in dossier ${dossier.entry.id}.`);
}

function currentStatus(ctx: ServiceContext, dossier: ServedDossier, runId: string): RunStatus {
  const live = ctx.live.get(dossier.entry.id, runId);
  const run = recordedRun(ctx, dossier, runId);
  return run ? runStatus(run, live) : startingRunStatus(live!);
}
