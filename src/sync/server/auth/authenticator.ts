/**
 * Bearer-token verification, the same path for both modes: the signature through a JWKS, then
 * issuer, audience, expiry and not-before, an allow-list of algorithms (so neither `none` nor a
 * symmetric algorithm keyed with a public key gets through), and the service's own scope.
 */
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Role } from '../../../contract/api';
import type { AuthConfig } from '../config';
import { DEV_ALGORITHM, type DevKey } from './devKey';
import { ROLES, type Principal } from './roles';

export interface Authenticator {
  /** The principal of a valid `Authorization: Bearer` header; throws AuthError otherwise. */
  authenticate(authorization: string | undefined): Promise<Principal>;
}

/** Why a token was refused: logged, never shown beyond "invalid token". */
export class AuthError extends Error {
  override readonly name = 'AuthError';
}

/** Claim of dev tokens minted with --dossier: the dossiers the token is limited to. */
export const DOSSIERS_CLAIM = 'bobsync_dossiers';
const CLOCK_TOLERANCE_SECONDS = 30;

interface Checks {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string[];
  algorithms: string[];
  scope: string;
  tenantId: string | null;
}

export function createAuthenticator(auth: AuthConfig, devKey: DevKey | null): Authenticator {
  return verifier(checksFor(auth, devKey));
}

function checksFor(auth: AuthConfig, devKey: DevKey | null): Checks {
  if (auth.mode === 'dev') {
    if (!devKey) throw new Error('Dev sign-in needs its signing key.');
    return { keys: createLocalJWKSet(devKey.jwks), issuer: auth.issuer, audience: [auth.audience], algorithms: [DEV_ALGORITHM], scope: auth.scope, tenantId: null };
  }
  const login = `https://login.microsoftonline.com/${auth.tenantId}`;
  return {
    keys: createRemoteJWKSet(new URL(auth.jwksUri ?? `${login}/discovery/v2.0/keys`)),
    issuer: auth.issuer ?? `${login}/v2.0`,
    // v2.0 access tokens carry the client id; v1.0 ones the application id URI.
    audience: [auth.clientId, `api://${auth.clientId}`],
    algorithms: ['RS256'],
    scope: auth.scope,
    tenantId: auth.tenantId,
  };
}

function verifier(checks: Checks): Authenticator {
  return {
    async authenticate(authorization) {
      const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization ?? '');
      if (!match) throw new AuthError(authorization ? 'not a bearer JWT' : 'no Authorization header');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(match[1], checks.keys, {
          issuer: checks.issuer,
          audience: checks.audience,
          algorithms: checks.algorithms,
          requiredClaims: ['exp'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        }));
      } catch (error) {
        throw new AuthError((error as Error).message);
      }
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes(checks.scope)) throw new AuthError(`token lacks the scope ${checks.scope}`);
      if (checks.tenantId !== null && payload.tid !== checks.tenantId) throw new AuthError('token of another tenant');
      return principalOf(payload);
    },
  };
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The principal a verified token names. */
export function principalOf(p: JWTPayload): Principal {
  const user = text(p.preferred_username) ?? text(p.name) ?? text(p.oid) ?? text(p.sub);
  if (!user) throw new AuthError('token names no user');
  const ids = [p.preferred_username, p.upn, p.email, p.oid, p.sub].map(text).filter((x): x is string => x !== undefined);
  const known = new Set<string>(ROLES);
  return {
    user,
    ids: ids.map((x) => x.toLowerCase()),
    groups: texts(p.groups),
    roles: new Set(texts(p.roles).filter((r): r is Role => known.has(r))),
    dossiers: DOSSIERS_CLAIM in p ? new Set(texts(p[DOSSIERS_CLAIM])) : null,
  };
}
