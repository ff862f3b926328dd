/**
 * The OpenAPI 3.1 document, generated from the routes' declarations and the contract's schemas
 * (zod's own JSON Schema output). Errors every protected route can give are added here, once.
 */
import { z } from 'zod';
import { apiSchemas, ProblemDetailsSchema } from '../../contract/api';
import { routeSchemas, type AnyRoute, type ResponseDoc } from './route';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function schemaRef(schema: z.ZodType): object {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error('Every schema a route documents must be registered in apiSchemas (src/contract/api.ts).');
  return ref(meta.id);
}

const problem = (description: string): ResponseDoc => ({ description, schema: ProblemDetailsSchema, contentType: 'application/problem+json' });

function standardErrors(route: AnyRoute): Record<number, ResponseDoc> {
  const s = routeSchemas(route);
  const errors: Record<number, ResponseDoc> = {};
  if (route.roles !== 'public') {
    errors[401] = problem('No valid bearer token for this service.');
    errors[429] = problem('Too many requests from this user: wait for `Retry-After` seconds.');
  }
  if ('dossier' in s.params.shape) {
    errors[403] = problem('The caller lacks the role this needs on the dossier.');
    errors[404] = problem('No such dossier for this caller (or no such pull or run in it).');
  }
  if (route.params || route.query || route.body) errors[400] = problem('Malformed JSON or invalid values, each listed with its row key and field.');
  if (route.body) {
    errors[413] = problem('The body is larger than the service accepts.');
    errors[415] = problem('The body is not JSON.');
  }
  return errors;
}

function parameters(shape: Record<string, z.ZodType>, where: 'path' | 'query') {
  return Object.entries(shape).map(([name, schema]) => {
    const { $schema: _s, ...json } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
    return { name, in: where, required: where === 'path' || !schema.safeParse(undefined).success, schema: json };
  });
}

function responseObject(status: number, doc: ResponseDoc): object {
  const error = status >= 400;
  const schema = doc.schema ? schemaRef(doc.schema) : error ? ref('ProblemDetails') : undefined;
  const type = doc.contentType ?? (error ? 'application/problem+json' : 'application/json');
  return { description: doc.description, ...(schema || doc.contentType ? { content: { [type]: schema ? { schema } : {} } } : {}) };
}

export function openApiDocument(routes: AnyRoute[], version: string, auth: string): object {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}` });
  const components = Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
      return [id, rest];
    }),
  );
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const s = routeSchemas(route);
    const path = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const responses = Object.fromEntries(
      Object.entries({ ...standardErrors(route), ...route.responses }).map(([status, doc]) => [status, responseObject(Number(status), doc)]),
    );
    const headerParams = Object.entries(route.headers ?? {}).map(([name, description]) => ({ name, in: 'header', required: false, description, schema: { type: 'string' } }));
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.roles === 'public' ? { security: [] } : { 'x-roles': route.roles }),
      parameters: [...parameters(s.params.shape, 'path'), ...parameters(s.query.shape, 'query'), ...headerParams],
      ...(route.body ? { requestBody: { required: !route.body.safeParse(undefined).success, content: { 'application/json': { schema: schemaRef(route.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'bobsync sync service', version, description: 'Sage BOB 50 ⇄ Sage CRM synchronisation, reviewed in Excel.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: auth } },
      schemas: components,
    },
    paths,
  };
}
