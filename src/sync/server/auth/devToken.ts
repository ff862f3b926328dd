/** Tokens of dev sign-in, minted by `bobsync token` and by the tests; the service refuses them in entra mode. */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from '../../../contract/api';
import type { ServiceConfig } from '../config';
import { DOSSIERS_CLAIM } from './authenticator';
import { DEV_ALGORITHM, loadOrCreateDevKey, type DevKey } from './devKey';

export interface DevTokenRequest {
  user: string;
  roles: Role[];
  /** Limits the token to these dossiers; empty: every dossier the configuration grants. */
  dossiers: string[];
}

type DevAuth = Extract<ServiceConfig['auth'], { mode: 'dev' }>;

export async function signDevToken(key: DevKey, auth: DevAuth, req: DevTokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { scp: auth.scope, roles: req.roles, preferred_username: req.user, name: req.user };
  if (req.dossiers.length > 0) claims[DOSSIERS_CLAIM] = req.dossiers;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setSubject(req.user)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + auth.tokenMinutes * 60)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

/** `bobsync token`: refused unless the configuration signs in with dev tokens. */
export async function mintDevToken(config: ServiceConfig, req: DevTokenRequest): Promise<string> {
  if (config.auth.mode !== 'dev') throw new Error('bobsync token mints dev sign-in tokens only: this configuration signs in with Entra ID.');
  if (req.roles.length === 0) throw new Error('Give at least one --role (Sync.Review, Sync.Apply, Sync.Admin).');
  const unknown = req.dossiers.filter((id) => !config.dossiers.some((d) => d.id === id));
  if (unknown.length > 0) throw new Error(`No dossier ${unknown.join(', ')} in this configuration.`);
  return signDevToken(await loadOrCreateDevKey(config.stateDir), config.auth, req);
}
