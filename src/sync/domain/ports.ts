/**
 * What the engine needs from each system. Connectors implement these; tests and the sandbox
 * use the real implementations (SQLite file, CRM simulator over HTTP).
 */
import type { BobCustomer, CrmCompany, Values } from './customer';

/** A custom field as one system defines it. */
export interface CustomFieldDef {
  name: string;
  type: 'string' | 'number' | 'date' | 'boolean' | 'choice';
  /** Maximum length for strings, when the system enforces one. */
  length?: number;
  readOnly?: boolean;
  mandatory?: boolean;
}

export type Progress = (done: number, total?: number) => void;

export interface BobConnector {
  /** Every third party of the dossier (customers and suppliers alike). */
  readAll(onProgress?: Progress): Promise<BobCustomer[]>;
  /** The third parties with these codes; absent codes are missing from the map. */
  readMany(cids: string[]): Promise<Map<string, BobCustomer>>;
  /**
   * Writes the given fields of existing third parties, all in one transaction: either every
   * update lands or none does.
   */
  update(updates: Array<{ cid: string; values: Values }>): Promise<void>;
  /** Creates customers (`CCUSTYPE = 'C'`) with the given codes, in one transaction. */
  create(records: Array<{ cid: string; values: Values }>): Promise<void>;
  /** Deletes third parties (used only to undo a creation made by a run). */
  remove(cids: string[]): Promise<void>;
  /** A code not used yet, derived from the name, for a customer created from CRM. */
  allocateCid(name: string, taken: ReadonlySet<string>): Promise<string>;
  customFields(): Promise<CustomFieldDef[]>;
  close(): Promise<void>;
}

export interface CrmConnector {
  /** Every company, soft-deleted ones included (flagged), with address, phone and e-mail. */
  readAll(onProgress?: Progress): Promise<CrmCompany[]>;
  /**
   * The same companies handed over page by page as they arrive, so that none need be held: in
   * no set order, and a company read twice comes twice (the later copy is the newer).
   */
  readEach(onPage: (companies: CrmCompany[]) => void, onProgress?: Progress): Promise<void>;
  readMany(ids: string[]): Promise<Map<string, CrmCompany>>;
  /** Companies whose VAT field holds this normalised number (used by crash recovery). */
  findByVat(vat: string): Promise<CrmCompany[]>;
  /** Writes each changed field where it lives (company, address, phone, e-mail). */
  update(id: string, values: Values): Promise<void>;
  /** Creates a company of type Customer with BobSync ticked; returns its id. */
  create(values: Values): Promise<string>;
  /** Soft-deletes a company (used only to undo a creation made by a run). */
  remove(id: string): Promise<void>;
  /** Custom company fields from `$prototypes/company`, without the mapped standard ones. */
  customFields(): Promise<CustomFieldDef[]>;
  close(): Promise<void>;
}
