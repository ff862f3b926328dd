/** What anyone may read without a token: health, the API description, and in dev mode the signing keys. */
import { HealthSchema } from '../../../contract/api';
import { defineRoute, type AnyRoute, type ServiceContext } from '../route';

export function serviceRoutes(ctx: ServiceContext, openapi: () => object): AnyRoute[] {
  const routes = [
    defineRoute({
      method: 'GET',
      path: '/health',
      tag: 'service',
      summary: 'Whether the service is up',
      roles: 'public',
      responses: { 200: { description: 'The service answers.', schema: HealthSchema } },
      handler: async () => ({ status: 'ok', service: 'bobsync', version: ctx.version, time: new Date().toISOString() }),
    }),
    defineRoute({
      method: 'GET',
      path: '/openapi.json',
      tag: 'service',
      summary: 'This API as an OpenAPI 3.1 document',
      roles: 'public',
      responses: { 200: { description: 'The OpenAPI document.', contentType: 'application/json' } },
      handler: async () => openapi(),
    }),
  ];
  if (ctx.devJwks) {
    const jwks = ctx.devJwks;
    routes.push(
      defineRoute({
        method: 'GET',
        path: '/auth/jwks.json',
        tag: 'service',
        summary: 'Public keys of dev sign-in (dev mode only)',
        roles: 'public',
        responses: { 200: { description: 'A JSON Web Key Set.', contentType: 'application/json' } },
        handler: async () => jwks,
      }),
    );
  }
  return routes;
}
