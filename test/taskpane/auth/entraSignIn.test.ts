import { entraSignIn, type DialogToken, type Pca } from '../../../src/taskpane/auth/entraSignIn';
import { devSignIn, tokenUser } from '../../../src/taskpane/auth/devSignIn';

const config = { mode: 'entra' as const, tenantId: 't', clientId: 'c', scope: 'api://c/access_as_user' };

class InteractionRequiredAuthError extends Error {
  override name = 'InteractionRequiredAuthError';
}

/** A stand-in for MSAL's nested app client that records what it was asked. */
const fakePca = (o: { accounts?: string[]; silent?: 'ok' | 'interaction'; sso?: 'ok' | 'interaction' | 'network' }) => {
  const calls: string[] = [];
  const result = (user: string) => ({ accessToken: `token-for-${user}`, account: { username: user } });
  const pca: Pca = {
    getAllAccounts: () => (o.accounts ?? []).map((username) => ({ username })),
    acquireTokenSilent: async (r) => {
      calls.push(`silent ${r.scopes.join(' ')} ${r.forceRefresh ? 'fresh' : ''}`.trim());
      if (o.silent === 'interaction') throw new InteractionRequiredAuthError('consent');
      return result(r.account.username);
    },
    ssoSilent: async (r) => {
      calls.push(`sso ${r.loginHint}`);
      if (o.sso === 'interaction') throw Object.assign(new Error('login'), { errorCode: 'login_required' });
      if (o.sso === 'network') throw new Error('network down');
      return result(r.loginHint ?? '?');
    },
    acquireTokenPopup: async (r) => {
      calls.push(`popup ${r.loginHint}`);
      return result(r.loginHint ?? 'chosen@firm.be');
    },
  };
  return { pca, calls };
};

const deps = (pca: Pca | null, dialog: () => Promise<DialogToken> = () => Promise.reject(new Error('no dialog')), now = 0) => ({
  nestedApp: () => (pca ? Promise.resolve(pca) : null),
  loginHint: async () => 'marie@firm.be',
  dialog,
  now: () => now,
});

describe('sign-in with Entra ID', () => {
  it('signs in silently as the Office user, for the service’s own scope', async () => {
    const { pca, calls } = fakePca({});
    const signIn = entraSignIn(config, deps(pca));
    expect(await signIn.silent()).toEqual({ user: 'marie@firm.be' });
    expect(calls).toEqual(['sso marie@firm.be']);
  });

  it('falls back to a popup only when the user must act, and only when asked to sign in', async () => {
    const { pca, calls } = fakePca({ sso: 'interaction' });
    const signIn = entraSignIn(config, deps(pca));
    expect(await signIn.silent()).toBeNull();
    expect(await signIn.signIn()).toEqual({ user: 'marie@firm.be' });
    expect(calls).toEqual(['sso marie@firm.be', 'sso marie@firm.be', 'popup marie@firm.be']);
  });

  it('renews the token of a known account, fresh when the service refused the last one', async () => {
    const { pca, calls } = fakePca({ accounts: ['marie@firm.be'] });
    const signIn = entraSignIn(config, deps(pca));
    await signIn.signIn();
    expect(await signIn.token(true)).toBe('token-for-marie@firm.be');
    expect(calls).toEqual(['silent api://c/access_as_user', 'silent api://c/access_as_user fresh']);
  });

  it('does not hide a failure that is not about interaction', async () => {
    const { pca } = fakePca({ sso: 'network' });
    await expect(entraSignIn(config, deps(pca)).silent()).rejects.toThrow('network down');
  });

  it('uses the Office dialog where nested app authentication is missing, and keeps its token until near expiry', async () => {
    let opened = 0;
    const dialog = async (): Promise<DialogToken> => ({ accessToken: `dialog-${++opened}`, expiresOn: new Date(3_600_000).toISOString(), user: 'marie@firm.be' });
    let now = 0;
    const signIn = entraSignIn(config, { ...deps(null, dialog), now: () => now });
    expect(await signIn.silent()).toBeNull();
    expect(await signIn.signIn()).toEqual({ user: 'marie@firm.be' });
    expect(await signIn.token(false)).toBe('dialog-1');
    now = 3_600_000 - 60_000;
    expect(await signIn.token(false)).toBe('dialog-2');
    expect(await signIn.token(true)).toBe('dialog-3');
  });

  it('asks for a token only once signed in', async () => {
    await expect(entraSignIn(config, deps(fakePca({}).pca)).token(false)).rejects.toThrow('not signed in');
  });
});

describe('dev sign-in', () => {
  const token = (claims: object) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

  it('keeps the pasted token in memory and shows whom it names', async () => {
    const signIn = devSignIn();
    await expect(signIn.token(false)).rejects.toThrow('not signed in');
    expect(await signIn.signIn(` ${token({ preferred_username: 'anne', scp: 'access_as_user' })} `)).toEqual({ user: 'anne' });
    expect(await signIn.token(false)).toBe(token({ preferred_username: 'anne', scp: 'access_as_user' }));
    signIn.signOut();
    expect(await signIn.silent()).toBeNull();
  });

  it('refuses what is not a token', () => {
    expect(() => tokenUser('bonjour')).toThrow('not a sign-in token');
    expect(() => tokenUser(token({ scp: 'x' }))).toThrow('names no user');
    expect(tokenUser(token({ name: 'Zoë Écrivain' }))).toBe('Zoë Écrivain');
  });
});
