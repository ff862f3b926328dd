/** The sandbox dossier: generation, planned edits, and writing them into BOB. */
export { generateDossier, DOSSIER_SHARES } from './generateDossier';
export type { DossierOptions, SandboxDossier, SandboxCrmCompany, CrmCompanyType } from './generateDossier';
export { planEdits } from './planEdits';
export type { PlanEditsOptions, PlannedEdits } from './planEdits';
export { crmFieldName } from './customFields';
export type { BobCustomFieldDef, CrmCustomFieldDef } from './customFields';
export { writeBobDossier, applyBobEdits } from './writeBob';
