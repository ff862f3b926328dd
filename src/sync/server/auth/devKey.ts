/**
 * The signing key of dev sign-in: an RSA key made on first use and kept in the service's state
 * folder (never in the repository), readable by its owner only. The service publishes its public
 * half as a JWKS and verifies dev tokens through it, as it verifies Entra ID tokens.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';

export const DEV_ALGORITHM = 'RS256';
const FILE = 'dev-signing-key.json';

export interface DevKey {
  kid: string;
  privateKey: CryptoKey;
  jwks: JSONWebKeySet;
}

export async function loadOrCreateDevKey(stateDir: string): Promise<DevKey> {
  const file = join(stateDir, FILE);
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`Cannot read the dev signing key ${file}: ${(error as Error).message}`);
    jwk = await createKey(stateDir, file);
  }
  const publicJwk = publicHalf(jwk);
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicJwk));
  return {
    kid,
    privateKey: (await importJWK(jwk, DEV_ALGORITHM)) as CryptoKey,
    jwks: { keys: [{ ...publicJwk, kid, alg: DEV_ALGORITHM, use: 'sig' }] },
  };
}

const publicHalf = ({ kty, n, e }: JWK): JWK => ({ kty, n, e });

async function createKey(stateDir: string, file: string): Promise<JWK> {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(publicHalf(jwk));
  // Written whole under another name, then linked: a reader never sees half a key, and when the
  // service and `bobsync token` race, the first link wins and the other uses its key.
  const temp = `${file}.${randomBytes(6).toString('hex')}`;
  writeFileSync(temp, JSON.stringify(jwk), { flag: 'wx', mode: 0o600 });
  try {
    linkSync(temp, file);
    return jwk;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return JSON.parse(readFileSync(file, 'utf8')) as JWK;
    throw error;
  } finally {
    rmSync(temp);
  }
}
