/**
 * The add-in half of `bobsync start`: the built task pane served over HTTPS on localhost with
 * the service behind it, a sign-in token for the sandbox, and how to sideload the add-in in
 * Excel on Windows, on the Mac and on the web.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, relative } from 'node:path';
import { mintDevToken } from './auth/devToken';
import { ROLES } from './auth/roles';
import { ADDIN_DIR, type AddinServer, startAddinServer } from './addin';
import type { ServiceConfig } from './config';
import { devCertificates } from './devCertificates';

export interface AddinStart {
  config: ServiceConfig;
  serviceUrl: string;
  /** The port of the manifest's URLs. */
  port: number;
  cwd: string;
  print(line: string): void;
  logStream?: NodeJS.WritableStream;
}

/** Null (with what to do) when the add-in has not been built. */
export async function startAddinOnSandbox(o: AddinStart): Promise<AddinServer | null> {
  if (!existsSync(join(ADDIN_DIR, 'taskpane.html'))) {
    o.print('The Excel add-in is not built: run npm run build:addin (npm start does), then start again.');
    return null;
  }
  const certificates = await devCertificates();
  const server = await startAddinServer({
    dir: ADDIN_DIR,
    host: '127.0.0.1',
    port: o.port,
    https: certificates,
    serviceUrl: o.serviceUrl,
    auth: o.config.auth,
    logStream: o.logStream,
    logLevel: o.config.log.level,
  });
  const manifest = relative(o.cwd, join(ADDIN_DIR, '..', '..', 'manifest.xml')) || 'manifest.xml';
  const token = await mintDevToken(o.config, { user: userInfo().username, roles: [...ROLES], dossiers: [] });
  o.print('');
  o.print(`Excel add-in: ${server.url}/taskpane.html (manifest: ${manifest})`);
  if (certificates.notTrusted !== null) {
    o.print(`  Its certificate authority is not trusted yet (${certificates.notTrusted}).`);
    o.print(`  Trust ${certificates.caPath} in the browser or system that runs Excel, e.g. on Debian or Ubuntu:`);
    o.print(`    sudo cp ${certificates.caPath} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`);
  }
  o.print('  Sideload it:');
  o.print('    Windows: npm run sideload (registers the manifest and opens Excel), or put manifest.xml in a shared');
  o.print('             folder listed in File > Options > Trust Center > Trusted Add-in Catalogs, then Insert > My Add-ins > Shared Folder.');
  o.print('    Mac:     npm run sideload, or copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/');
  o.print('             and restart Excel, then Insert > My Add-ins.');
  o.print('    Web:     Excel on the web > Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in > manifest.xml.');
  o.print('  Then Home > Synchronisation opens the pane. Sign-in token for the pane (dev mode, all roles):');
  o.print(`    ${token}`);
  return server;
}
