/**
 * auth-dialog.html: the sign-in fallback, in an Office dialog. MSAL's redirect flow runs in the
 * dialog's own window (the pane cannot host it), then the token goes back to the pane with
 * `messageParent`. Nothing is written anywhere but MSAL's session cache.
 */
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { loadAddinConfig } from './config';

const send = (message: object): void => Office.context.ui.messageParent(JSON.stringify(message));

async function signInHere(): Promise<void> {
  const config = await loadAddinConfig(location.href);
  if (config.auth.mode !== 'entra') throw new Error('this service signs in with dev tokens');
  const { clientId, tenantId, scope } = config.auth;
  const pca = await createStandardPublicClientApplication({
    auth: { clientId, authority: `https://login.microsoftonline.com/${tenantId}`, redirectUri: new URL('auth-dialog.html', location.href).href },
  });
  const result = await pca.handleRedirectPromise();
  if (!result) {
    await pca.acquireTokenRedirect({ scopes: [scope] });
    return;
  }
  send({ type: 'token', accessToken: result.accessToken, expiresOn: (result.expiresOn ?? new Date()).toISOString(), user: result.account?.username ?? '' });
}

Office.onReady(() => signInHere().catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) })));
