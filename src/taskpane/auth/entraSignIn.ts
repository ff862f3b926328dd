/**
 * Sign-in with Entra ID for the service's own scope (`api://<client id>/access_as_user`, never
 * Microsoft Graph). Where Office offers nested app authentication (NestedAppAuth 1.1), MSAL asks
 * the host: silently with the account Office is signed in with, and only if that fails in a
 * popup. Elsewhere (older builds; Excel on the web outside SharePoint and OneDrive) an Office
 * dialog runs MSAL's redirect flow and hands the token back. MSAL and Office are passed in, so
 * that the tests can stand in for them.
 */
import type { EntraConfig } from './config';
import { type Account, NotSignedInError, type SignIn } from './signIn';

interface MsalAccount {
  username: string;
}

interface MsalResult {
  accessToken: string;
  account: MsalAccount | null;
}

/** The part of MSAL's PublicClientApplication used here, over MSAL's account type. */
export interface Pca<A extends MsalAccount = MsalAccount> {
  getAllAccounts(): A[];
  acquireTokenSilent(request: { scopes: string[]; account: A; forceRefresh?: boolean }): Promise<MsalResult>;
  ssoSilent(request: { scopes: string[]; loginHint?: string }): Promise<MsalResult>;
  acquireTokenPopup(request: { scopes: string[]; loginHint?: string }): Promise<MsalResult>;
}

/** What the Office dialog (auth-dialog.html) sends back. */
export interface DialogToken {
  accessToken: string;
  /** ISO 8601. */
  expiresOn: string;
  user: string;
}

export interface EntraDeps<A extends MsalAccount> {
  /** MSAL's nested app client, or null where the host does not offer nested app authentication. */
  nestedApp(): Promise<Pca<A>> | null;
  /** The account Office is signed in with, to sign in silently as that user. */
  loginHint(): Promise<string | undefined>;
  /** The dialog fallback: interactive, resolves with a token or rejects with why. */
  dialog(): Promise<DialogToken>;
  now(): number;
}

/** MSAL's ways of saying that only the user can go further. */
const INTERACTION = new Set(['interaction_required', 'login_required', 'consent_required', 'no_account_error', 'no_tokens_found']);

const needsInteraction = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'InteractionRequiredAuthError' || INTERACTION.has((error as { errorCode?: string }).errorCode ?? ''));

/** A dialog token is renewed this long before it expires. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export const entraSignIn = <A extends MsalAccount>(config: EntraConfig, deps: EntraDeps<A>): SignIn => {
  const scopes = [config.scope];
  let pca: Promise<Pca<A>> | null | undefined;
  let dialogToken: DialogToken | null = null;
  let account: Account | null = null;

  const client = (): Promise<Pca<A>> | null => (pca === undefined ? (pca = deps.nestedApp()) : pca);

  /** A token from MSAL; asks the user only when `interactive`. */
  const fromMsal = async (msal: Pca<A>, interactive: boolean, fresh: boolean): Promise<MsalResult | null> => {
    const known = msal.getAllAccounts()[0];
    try {
      if (known) return await msal.acquireTokenSilent({ scopes, account: known, forceRefresh: fresh });
      return await msal.ssoSilent({ scopes, loginHint: await deps.loginHint() });
    } catch (error) {
      if (!needsInteraction(error)) throw error;
      if (!interactive) return null;
      return msal.acquireTokenPopup({ scopes, loginHint: known?.username ?? (await deps.loginHint()) });
    }
  };

  const valid = (t: DialogToken | null, fresh: boolean): t is DialogToken =>
    t !== null && !fresh && Date.parse(t.expiresOn) - EXPIRY_MARGIN_MS > deps.now();

  /** The access token, and who it is for; null when only the user could go further and `interactive` is false. */
  const acquire = async (interactive: boolean, fresh: boolean): Promise<{ token: string; user: string } | null> => {
    const msal = client();
    if (msal) {
      const result = await fromMsal(await msal, interactive, fresh);
      return result && { token: result.accessToken, user: result.account?.username ?? '' };
    }
    if (valid(dialogToken, fresh)) return { token: dialogToken.accessToken, user: dialogToken.user };
    if (!interactive) return null;
    dialogToken = await deps.dialog();
    return { token: dialogToken.accessToken, user: dialogToken.user };
  };

  const remember = (got: { user: string }): Account => (account = { user: got.user });

  return {
    mode: 'entra',
    signIn: async () => remember((await acquire(true, false))!),
    silent: async () => {
      const got = await acquire(false, false);
      return got ? remember(got) : null;
    },
    token: async (fresh) => {
      if (!account) throw new NotSignedInError();
      const got = await acquire(true, fresh);
      return got!.token;
    },
    signOut: () => {
      account = null;
      dialogToken = null;
    },
  };
};
