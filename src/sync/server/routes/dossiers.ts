/** The dossiers a caller may see, one dossier's state, and (administrators) its configuration. */
import { DossierConfigurationSchema, DossierDetailSchema, DossierListSchema, DossierParamsSchema, type PullInfo } from '../../../contract/api';
import { grantedRoles } from '../auth/roles';
import { latestPullId } from '../../store/pullPages';
import { backupInfo, pullInfo } from '../responses';
import { defineRoute, type AnyRoute, type ServiceContext } from '../route';

export function dossierRoutes(ctx: ServiceContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/dossiers',
      tag: 'dossiers',
      summary: 'The dossiers granted to the caller, with the roles held on each',
      roles: ['Sync.Review'],
      responses: { 200: { description: 'Only dossiers the caller holds a role on.', schema: DossierListSchema } },
      handler: async ({ principal }) => ({
        dossiers: [...ctx.dossiers.values()]
          .map((d) => ({ id: d.entry.id, name: d.config.name, roles: grantedRoles(principal, d.entry) }))
          .filter((d) => d.roles.length > 0),
      }),
    }),
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier',
      tag: 'dossiers',
      summary: 'One dossier: the caller’s roles, who holds it, its latest pull and backup',
      roles: ['Sync.Review'],
      params: DossierParamsSchema,
      responses: { 200: { description: 'The dossier.', schema: DossierDetailSchema } },
      handler: async ({ dossier, roles }) => {
        const { store } = dossier.open;
        const pullId = latestPullId(store, dossier.entry.id);
        const pull = pullId === null ? undefined : store.pull(pullId);
        const backup = store.backups(dossier.entry.id)[0];
        return {
          id: dossier.entry.id,
          name: dossier.config.name,
          roles,
          busy: ctx.live.holder(dossier.entry.id),
          latestPull: pull ? withoutSettings(pullInfo(pull)) : null,
          latestBackup: backup ? backupInfo(backup) : null,
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/configuration',
      tag: 'dossiers',
      summary: 'The dossier’s configuration, without credentials',
      roles: ['Sync.Admin'],
      params: DossierParamsSchema,
      responses: { 200: { description: 'The configuration.', schema: DossierConfigurationSchema }},
      handler: async ({ dossier }) => {
        const c = dossier.config;
        return {
          id: c.id,
          name: c.name,
          policy: c.policy,
          concurrency: c.concurrency,
          batchSize: c.batchSize,
          bob: { kind: c.bob.kind },
          crm: { kind: c.crm.kind, baseUrl: c.crm.kind === 'rest' ? c.crm.baseUrl : null, user: c.crm.user },
          grants: dossier.entry.grants,
        };
      },
    }),
  ];
}

const withoutSettings = ({ settings: _settings, ...rest }: PullInfo) => rest;
