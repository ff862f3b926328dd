/**
 * Dev mode (the sandbox of `npm start`): the reviewer pastes a token the service minted
 * (`bobsync token`). The service verifies it on every call; the pane only reads the user name
 * from it to show who is signed in.
 */
import { type Account, NotSignedInError, type SignIn } from './signIn';

const JWT = /^[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*$/;

/** The user a token names (unverified: for display only). */
export const tokenUser = (token: string): string => {
  const match = JWT.exec(token.trim());
  if (!match) throw new Error('not a sign-in token (three parts separated by dots)');
  const json = atob(match[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(match[1].length / 4) * 4, '='));
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  const user = [claims.preferred_username, claims.name, claims.sub].find((v): v is string => typeof v === 'string' && v !== '');
  if (!user) throw new Error('the token names no user');
  return user;
};

export const devSignIn = (): SignIn => {
  let current: { token: string; account: Account } | null = null;
  return {
    mode: 'dev',
    signIn: async (devToken) => {
      const token = (devToken ?? '').trim();
      current = { token, account: { user: tokenUser(token) } };
      return current.account;
    },
    silent: async () => current?.account ?? null,
    token: async () => {
      if (!current) throw new NotSignedInError();
      return current.token;
    },
    signOut: () => {
      current = null;
    },
  };
};
