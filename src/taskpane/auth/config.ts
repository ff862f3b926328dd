/**
 * How the pane signs in, as the add-in server publishes it (`/addin-config.json`, next to the
 * pane): with the service's dev tokens, or with Entra ID for the service's own API scope.
 */
import { z } from 'zod';

const AddinConfigSchema = z.object({
  auth: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('dev') }),
    z.object({ mode: z.literal('entra'), tenantId: z.string().min(1), clientId: z.string().min(1), scope: z.string().min(1) }),
  ]),
});
export type AddinConfig = z.infer<typeof AddinConfigSchema>;
export type EntraConfig = Extract<AddinConfig['auth'], { mode: 'entra' }>;

export const loadAddinConfig = async (pageUrl: string, doFetch: typeof fetch = fetch): Promise<AddinConfig> => {
  const url = new URL('addin-config.json', pageUrl).href;
  const response = await doFetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return AddinConfigSchema.parse(await response.json());
};
