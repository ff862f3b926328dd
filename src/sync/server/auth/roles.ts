/**
 * Who may do what on which dossier. A role comes from the token (the app roles Entra ID
 * assigns); a dossier's grants in the service configuration say which roles each user or group
 * may use there. A user holds on a dossier the roles that both allow.
 */
import type { Role } from '../../../contract/api';
import { RoleSchema } from '../../../contract/api';
import type { DossierEntry } from '../config';

export const ROLES: readonly Role[] = RoleSchema.options;

/** Approvers and administrators read what they approve or configure. */
const IMPLIES: Record<Role, Role[]> = {
  'Sync.Review': ['Sync.Review'],
  'Sync.Apply': ['Sync.Apply', 'Sync.Review'],
  'Sync.Admin': ['Sync.Admin', 'Sync.Review'],
};

export function expandRoles(roles: Iterable<Role>): Set<Role> {
  return new Set([...roles].flatMap((r) => IMPLIES[r]));
}

/** The signed-in user, from a verified token. */
export interface Principal {
  /** Shown in the audit: the user name, else the display name, else the object id. */
  user: string;
  /** Identifiers a `user:` grant may name, lower-cased. */
  ids: string[];
  groups: string[];
  roles: Set<Role>;
  /** Dossiers the token is limited to (dev tokens minted with --dossier); null: no limit. */
  dossiers: Set<string> | null;
}

export function grantedRoles(p: Principal, entry: DossierEntry): Role[] {
  if (p.dossiers && !p.dossiers.has(entry.id)) return [];
  const granted: Role[] = [];
  for (const [who, roles] of Object.entries(entry.grants)) {
    const matches =
      who === '*' ||
      (who.startsWith('user:') && p.ids.includes(who.slice('user:'.length).toLowerCase())) ||
      (who.startsWith('group:') && p.groups.includes(who.slice('group:'.length)));
    if (matches) granted.push(...roles);
  }
  const allowed = expandRoles(granted);
  const held = expandRoles(p.roles);
  return ROLES.filter((r) => held.has(r) && allowed.has(r));
}
