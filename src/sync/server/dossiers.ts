/** The dossiers the service serves: each opened once, with its engine, for the service's lifetime. */
import { loadDossier, type DossierConfig } from '../config';
import { openDossier, type OpenDossier } from '../dossier';
import type { DossierEntry } from './config';

export interface ServedDossier {
  entry: DossierEntry;
  config: DossierConfig;
  open: OpenDossier;
}

export async function openServedDossiers(entries: DossierEntry[]): Promise<Map<string, ServedDossier>> {
  const served = new Map<string, ServedDossier>();
  try {
    for (const [i, entry] of entries.entries()) {
      const loaded = loadDossier(entry.path);
      if (loaded.config.id !== entry.id) {
        throw new Error(`dossiers.${i}.id: "${entry.id}" names the dossier in ${loaded.dir}, whose dossier.json says "${loaded.config.id}".`);
      }
      served.set(entry.id, { entry, config: loaded.config, open: await openDossier(loaded) });
    }
    return served;
  } catch (error) {
    await closeServedDossiers(served);
    throw error;
  }
}

export async function closeServedDossiers(served: Map<string, ServedDossier>): Promise<void> {
  for (const d of served.values()) await d.open.close();
}
