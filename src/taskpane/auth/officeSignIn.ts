/** The sign-in of the real pane: MSAL and the Office dialog wired into entraSignIn. */
import { type AccountInfo, createNestablePublicClientApplication } from '@azure/msal-browser';
import type { AddinConfig } from './config';
import { devSignIn } from './devSignIn';
import { type DialogToken, entraSignIn } from './entraSignIn';
import type { SignIn } from './signIn';

/** Opens auth-dialog.html in an Office dialog and waits for the token it sends back. */
const openDialog = (url: string): Promise<DialogToken> =>
  new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) return reject(new Error(opened.error.message));
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = 'message' in arg ? (JSON.parse(arg.message) as { type: string; message?: string } & DialogToken) : null;
        if (message?.type === 'token') resolve({ accessToken: message.accessToken, expiresOn: message.expiresOn, user: message.user });
        else reject(new Error(message?.message ?? 'the sign-in dialog sent nothing'));
      });
      // The user closed the dialog (12006) or it could not load its page.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => reject(new Error(`the sign-in dialog closed (${'error' in arg ? arg.error : ''})`)));
    });
  });

export const officeSignIn = (config: AddinConfig, pageUrl: string): SignIn => {
  if (config.auth.mode === 'dev') return devSignIn();
  const { clientId, tenantId } = config.auth;
  return entraSignIn<AccountInfo>(config.auth, {
    nestedApp: () =>
      Office.context.requirements.isSetSupported('NestedAppAuth', '1.1')
        ? createNestablePublicClientApplication({ auth: { clientId, authority: `https://login.microsoftonline.com/${tenantId}` } })
        : null,
    loginHint: async () => {
      // getAuthContext (IdentityAPI 1.3) is missing on older hosts: sign-in then asks for the account.
      if (!Office.context.requirements.isSetSupported('IdentityAPI', '1.3')) return undefined;
      return (await Office.auth.getAuthContext()).userPrincipalName;
    },
    dialog: () => openDialog(new URL('auth-dialog.html', pageUrl).href),
    now: () => Date.now(),
  });
};
