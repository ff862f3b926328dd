/** Where one customer stands, for the workbook's custom functions. */
import { CustomerParamsSchema, CustomerStatusSchema } from '../../../contract/api';
import { customerStatus } from '../../engine/customerStatus';
import { defineRoute, type AnyRoute } from '../route';

export function customerRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/dossiers/:dossier/customers/:side/:id',
      tag: 'customers',
      summary: 'Status of one customer, by its BOB code (side bob) or its CRM id (side crm)',
      description: 'From the service’s store only: its association, never-sync flag, and row in the latest pull.',
      roles: ['Sync.Review'],
      params: CustomerParamsSchema,
      responses: { 200: { description: 'The status; `association` is null for a customer the store does not know.', schema: CustomerStatusSchema } },
      handler: async ({ dossier, params }) => customerStatus(dossier.open.engine.ctx, params.side, params.id),
    }),
  ];
}
