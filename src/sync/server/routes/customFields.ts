/** The dossier's custom-field settings: which BOB fields travel to their CRM match, and how. */
import { CustomFieldsSchema, DossierParamsSchema } from '../../../contract/api';
import { saveCustomFieldSettings } from '../../engine/saveCustomFields';
import { problemsRefusal } from '../problems';
import { defineRoute, type AnyRoute } from '../route';

export function customFieldRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/custom-fields',
      tag: 'custom fields',
      summary: 'The BOB custom fields that have a CRM match, with the dossier’s settings',
      roles: ['Sync.Review'],
      params: DossierParamsSchema,
      responses: { 200: { description: 'The settings.', schema: CustomFieldsSchema } },
      handler: async ({ dossier }) => ({ settings: await dossier.open.engine.customFieldSettings() }),
    }),
    defineRoute({
      method: 'PUT',
      path: '/dossiers/:dossier/custom-fields',
      tag: 'custom fields',
      summary: 'Save the custom-field settings',
      roles: ['Sync.Admin'],
      params: DossierParamsSchema,
      body: CustomFieldsSchema,
      responses: {
        200: { description: 'The settings as saved.', schema: CustomFieldsSchema },
        422: { description: 'Settings that do not fit the fields, each named; nothing was saved.' },
      },
      handler: async ({ dossier, body, principal, req }) => {
        const problems = await saveCustomFieldSettings(dossier.open.engine.ctx, body.settings, principal.user);
        if (problems.length > 0) throw problemsRefusal(problems, 'The settings were not saved');
        req.log.info({ user: principal.user, dossier: dossier.entry.id }, 'custom-field settings saved');
        return { settings: await dossier.open.engine.customFieldSettings() };
      },
    }),
  ];
}
