import type { CustomFieldSetting } from '../../contract/customFields';
import { matchCustomFields } from '../domain/customFields';
import type { EngineContext } from './context';

/** The custom fields that exist on both sides, with the dossier's saved choices. */
export async function currentCustomFieldSettings(ctx: EngineContext): Promise<CustomFieldSetting[]> {
  const [bobDefs, crmDefs] = await Promise.all([ctx.bob.customFields(), ctx.crm.customFields()]);
  return matchCustomFields(bobDefs, crmDefs, ctx.store.customFieldSettings(ctx.dossier));
}
