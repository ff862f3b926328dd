/**
 * The localhost certificate of the add-in server on a developer's machine, made and trusted by
 * office-addin-dev-certs (Microsoft's tool, which the Office tooling shares): on Windows and Mac
 * it installs its CA in the user's store. On Linux it needs `sudo` to install the CA, which a
 * fresh machine (or a container running as root) lacks: the certificate files are made anyway
 * and used, and the reviewer is told how to trust the CA in the browser that runs Excel.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DevCertificates {
  key: Buffer;
  cert: Buffer;
  caPath: string;
  /** Why the CA could not be installed; null when it is trusted. */
  notTrusted: string | null;
}

/** Where office-addin-dev-certs keeps its files. */
const DIR = join(homedir(), '.office-addin-dev-certs');
const FILES = { ca: join(DIR, 'ca.crt'), cert: join(DIR, 'localhost.crt'), key: join(DIR, 'localhost.key') };

type DevCerts = typeof import('office-addin-dev-certs');

/** office-addin-dev-certs is a development dependency: `bobsync start` is for development. */
const loadTool = async (): Promise<DevCerts> => {
  try {
    return await import('office-addin-dev-certs');
  } catch (error) {
    throw new Error(`office-addin-dev-certs is missing (npm install, with development dependencies): ${(error as Error).message}`);
  }
};

export async function devCertificates(): Promise<DevCertificates> {
  const tool = await loadTool();
  try {
    const { key, cert } = await tool.getHttpsServerOptions();
    return { key, cert, caPath: FILES.ca, notTrusted: null };
  } catch (error) {
    const reason = (error as Error).message.split('\n').find((line) => line.trim() !== '') ?? String(error);
    if (!existsSync(FILES.cert) || !existsSync(FILES.key)) await tool.generateCertificates(FILES.ca, FILES.cert, FILES.key);
    return { key: readFileSync(FILES.key), cert: readFileSync(FILES.cert), caPath: FILES.ca, notTrusted: reason };
  }
}
