import type { CustomFieldSetting } from '../../contract/customFields';
import type { Problem } from '../../contract/pending';
import { validateCustomFieldSettings } from '../domain/customFields';
import type { EngineContext } from './context';
import { currentCustomFieldSettings } from './customFieldSettings';

/**
 * Saves the dossier's custom-field choices, outside a run, when they fit the fields both systems
 * define now; the audit keeps who saved what.
 */
export async function saveCustomFieldSettings(ctx: EngineContext, settings: CustomFieldSetting[], user: string): Promise<Problem[]> {
  const problems = validateCustomFieldSettings(settings, await currentCustomFieldSettings(ctx));
  if (problems.length > 0) return problems;
  ctx.store.transaction(() => {
    ctx.store.saveCustomFieldSettings(ctx.dossier, settings);
    ctx.store.appendAudit(ctx.dossier, null, 'custom_fields', { user, settings }, ctx.clock());
  });
  return [];
}
