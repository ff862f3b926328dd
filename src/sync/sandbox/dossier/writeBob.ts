/** Thin writers that put a generated dossier, and planned edits, into a BOB dossier file. */
import { createBobDossier } from '../../connectors/bob50/sqliteDossier';
import type { BobMappingInput } from '../../connectors/bob50/mapping';
import type { BobConnector } from '../../domain/ports';
import type { SandboxDossier } from './generateDossier';
import type { PlannedEdits } from './planEdits';

/** Creates a new SQLite dossier file holding the BOB side of a generated dossier. */
export function writeBobDossier(file: string, dossier: SandboxDossier, mapping: BobMappingInput = {}): void {
  createBobDossier(file, { thirdParties: dossier.bob, customFieldDefs: dossier.customFieldDefs.bob }, mapping);
}

/** Writes the BOB side of planned edits: updates, then creations, then deletions. */
export async function applyBobEdits(bob: BobConnector, edits: PlannedEdits['bob']): Promise<void> {
  await bob.update(edits.update);
  await bob.create(edits.create);
  await bob.remove(edits.remove);
}
