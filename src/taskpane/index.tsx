/**
 * The task pane's entry: once Office is ready, the pane in the reviewer's language, signed in
 * the way the add-in server says, talking to the service on the pane's own origin.
 */
import { createRoot } from 'react-dom/client';
import { DEFAULT_LOCALE, stringsFor } from '../sheets';
import { setFunctionServices, refreshFunctions } from '../functions/services';
import { createApiClient } from './api/client';
import { loadAddinConfig } from './auth/config';
import { officeSignIn } from './auth/officeSignIn';
import { App, Standalone } from './components/App';
import { downloadBlob } from './download';
import { officeHost } from './excel/host';
import { DEFAULT_BUDGET, yieldToEventLoop } from './excel/writeRows';
import { PaneController } from './flow/controller';
import { localeOf } from './locale';

const root = createRoot(document.getElementById('root')!);

async function startInExcel(): Promise<void> {
  const excel = officeHost();
  const locale = localeOf(excel.displayLanguage);
  document.documentElement.lang = locale;
  const config = await loadAddinConfig(location.href);
  const signIn = officeSignIn(config, location.href);
  const api = createApiClient({ baseUrl: new URL('api/v1', location.href).href, token: (fresh) => signIn.token(fresh) });
  const controller = new PaneController(
    {
      excel,
      signIn,
      api,
      budget: DEFAULT_BUDGET,
      yieldToUi: yieldToEventLoop,
      download: downloadBlob,
      newKey: () => crypto.randomUUID(),
      functions: {
        services: (dossier, signedIn) => setFunctionServices({ api: signedIn ? api : null, dossier, locale }),
        changed: refreshFunctions,
      },
    },
    locale,
  );
  root.render(<App controller={controller} />);
  await controller.start();
}

const standalone = (text: string) => root.render(<Standalone title={stringsFor(DEFAULT_LOCALE).addin.title} text={text} />);

if (typeof Office === 'undefined') standalone(stringsFor(DEFAULT_LOCALE).addin.notInExcel);
else {
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return standalone(stringsFor(DEFAULT_LOCALE).addin.notInExcel);
    startInExcel().catch((error: unknown) => standalone(error instanceof Error ? error.message : String(error)));
  });
}
