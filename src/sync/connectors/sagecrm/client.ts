/**
 * The Sage CRM connector over the REST API (`/sdata/{install}j/sagecrm2/-/`).
 *
 * Writes are not atomic across records: the API has no transactions, so an update that touches
 * the company and its address is two requests. The engine's journal re-reads and finishes or
 * abandons such a write after a failure.
 */
import type { CrmCompany, Values } from '../../domain/customer';
import type { CrmConnector, CustomFieldDef, Progress } from '../../domain/ports';
import { parseSageCrmConfig, type SageCrmConfig, type SageCrmConfigInput } from './config';
import { CrmError } from './errors';
import { CrmHttp } from './http';
import { mapLimit } from './limit';
import { business, BUSINESS, CrmMapping, type CrmWrites, type CustomFieldRef } from './mapping';
import { readPages } from './paging';
import { type CompanyRecord, CompanyWire, expectWire, PageWire, PrototypeWire } from './wire';

const INCLUDE = 'address,phoneCollection,emailCollection';
const ORDER = 'comp_companyid asc';
/** `plink_entityid`/`elink_entityid` of a company. */
const COMPANY_ENTITY = 5;

/**
 * Company fields that are not custom fields: those the reference documents, plus the created-by
 * and updated-by columns every CRM table has. The configured VAT, language and BobSync fields
 * are added per client.
 */
const STANDARD_FIELDS = [
  'comp_companyid',
  'comp_name',
  'comp_type',
  'comp_status',
  'comp_website',
  'comp_primarypersonid',
  'comp_primaryaddressid',
  'comp_createdby',
  'comp_createddate',
  'comp_updatedby',
  'comp_updateddate',
  'comp_deleted',
  'comp_timestamp',
];

export class SageCrmClient implements CrmConnector {
  private readonly config: SageCrmConfig;
  private readonly http: CrmHttp;
  private readonly mapping: CrmMapping;

  /**
   * `customFields`: the BOB custom fields to read (`cf.<name>` from `comp_<name in lower
   * case>`), with their types so that check boxes convert; other custom fields are ignored on reading.
   */
  constructor(config: SageCrmConfigInput, customFields: readonly CustomFieldRef[] = []) {
    this.config = parseSageCrmConfig(config);
    this.http = new CrmHttp(this.config);
    this.mapping = new CrmMapping(this.config, customFields);
  }

  async readAll(onProgress?: Progress): Promise<CrmCompany[]> {
    return this.readList(undefined, onProgress);
  }

  /** Companies written after `iso` (ISO 8601), soft-deleted ones included. */
  async listChangedSince(iso: string, onProgress?: Progress): Promise<CrmCompany[]> {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new Error(`'${iso}' is not an ISO 8601 date and time`);
    return this.readList(`comp_updateddate gt ${quote(new Date(ms).toISOString())}`, onProgress);
  }

  async readMany(ids: string[]): Promise<Map<string, CrmCompany>> {
    const found = await mapLimit(ids, this.config.concurrency, async (id) => {
      try {
        return await this.fetchCompany(id);
      } catch (err) {
        if (err instanceof CrmError && err.kind === 'not_found') return undefined;
        throw err;
      }
    });
    const result = new Map<string, CrmCompany>();
    ids.forEach((id, i) => {
      const record = found[i];
      if (record) result.set(id, this.mapping.toCompany(record));
    });
    return result;
  }

  async findByVat(vat: string): Promise<CrmCompany[]> {
    return this.readList(`${this.config.vatField} eq ${quote(vat)}`);
  }

  async update(id: string, values: Values): Promise<void> {
    const writes = this.mapping.toWrites(values);
    if (Object.keys(writes.company).length > 0) {
      await this.http.send('PATCH', companyResource(id), { body: writes.company });
    }
    if (!hasLinkedWrites(writes)) return;
    await this.writeLinked(companyNumber(id), await this.fetchCompany(id), writes);
  }

  async create(values: Values): Promise<string> {
    const writes = this.mapping.toWrites(values);
    const body = { ...writes.company, comp_type: 'Customer', [this.config.bobsyncField]: 'Y' };
    const created = expectWire(CompanyWire, await this.http.send('POST', 'Company', { body }), 'the created company');
    const id = String(created.comp_companyid);
    try {
      await this.writeLinked(Number(id), null, writes);
    } catch (err) {
      if (!(err instanceof CrmError)) throw err;
      throw new CrmError(
        err.kind,
        err.status,
        `Company ${id} was created, but writing its address, phone or e-mail failed: ${err.message}`,
        { cause: err },
      );
    }
    return id;
  }

  async remove(id: string): Promise<void> {
    await this.http.send('DELETE', companyResource(id));
  }

  async customFields(): Promise<CustomFieldDef[]> {
    const body = await this.http.send('GET', '$prototypes/company');
    const prototype = expectWire(PrototypeWire, body, 'the Company prototype');
    const mapped = new Set([
      ...STANDARD_FIELDS,
      this.config.vatField,
      this.config.languageField,
      this.config.bobsyncField,
    ]);
    return Object.entries(prototype.$properties)
      .filter(([name]) => name.startsWith('comp_') && !mapped.has(name))
      .map(([name, p]) => ({
        name,
        type: fieldType(p.$type),
        length: p.$maxLength,
        readOnly: p.$isReadOnly ?? false,
        mandatory: p.$isMandatory ?? false,
      }));
  }

  /** Nothing to release: fetch's connection pool is process-wide and closes idle sockets itself. */
  async close(): Promise<void> {}

  private async readList(where: string | undefined, onProgress?: Progress): Promise<CrmCompany[]> {
    const records = await readPages(
      async (startIndex, count) => {
        const query = { where, orderBy: ORDER, startIndex, count, include: INCLUDE };
        return expectWire(PageWire, await this.http.send('GET', 'Company', { query }), 'a page of companies');
      },
      { pageSize: this.config.pageSize, concurrency: this.config.concurrency, onProgress },
    );
    return records.map((r) => this.mapping.toCompany(r));
  }

  private async fetchCompany(id: string): Promise<CompanyRecord> {
    const body = await this.http.send('GET', companyResource(id), { query: { include: INCLUDE } });
    return expectWire(CompanyWire, body, `company ${id}`);
  }

  /** Address, Business phone and Business e-mail: patched where they exist, created where not. */
  private async writeLinked(companyId: number, current: CompanyRecord | null, writes: CrmWrites): Promise<void> {
    if (Object.keys(writes.address).length > 0) {
      const address = current?.address;
      if (address) {
        await this.http.send('PATCH', `Address('${address.addr_addressid}')`, { body: writes.address });
      } else if (Object.values(writes.address).some((v) => v !== '')) {
        await this.http.send('POST', 'Address', { body: { ...writes.address, adli_companyid: companyId } });
      }
    }
    if (writes.phone !== undefined) {
      const phone = business(current?.phoneCollection?.$resources, 'phon_type');
      if (phone) {
        await this.http.send('PATCH', `Phone('${phone.phon_phoneid}')`, { body: { phon_number: writes.phone } });
      } else if (writes.phone !== '') {
        const link = { plink_entityid: COMPANY_ENTITY, plink_recordid: companyId };
        await this.http.send('POST', 'Phone', { body: { phon_type: BUSINESS, phon_number: writes.phone, ...link } });
      }
    }
    if (writes.email !== undefined) {
      const email = business(current?.emailCollection?.$resources, 'emai_type');
      if (email) {
        await this.http.send('PATCH', `Email('${email.emai_emailid}')`, { body: { emai_emailaddress: writes.email } });
      } else if (writes.email !== '') {
        const link = { elink_entityid: COMPANY_ENTITY, elink_recordid: companyId };
        const body = { emai_type: BUSINESS, emai_emailaddress: writes.email, ...link };
        await this.http.send('POST', 'Email', { body });
      }
    }
  }
}

const hasLinkedWrites = (w: CrmWrites): boolean =>
  Object.keys(w.address).length > 0 || w.phone !== undefined || w.email !== undefined;

function companyNumber(id: string): number {
  if (!/^\d{1,15}$/.test(id)) throw new Error(`'${id}' is not a Sage CRM company id`);
  return Number(id);
}

const companyResource = (id: string): string => `Company('${companyNumber(id)}')`;

/** A where-clause literal: quotes doubled, as in SQL. */
const quote = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Field types as the prototype names them. The simulator uses exactly these names; a real
 * server's other names (e.g. for e-mail or URL fields) hold text, so they read as string.
 */
function fieldType(type: string | undefined): CustomFieldDef['type'] {
  switch (type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'date':
    case 'boolean':
    case 'choice':
      return type;
    default:
      return 'string';
  }
}
