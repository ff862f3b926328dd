/**
 * The Sage CRM connector over the REST API (`/sdata/{install}j/sagecrm2/-/`).
 *
 * Writes are not atomic across records: the API has no transactions, so an update that touches
 * the company and its address is two requests. The engine's journal re-reads and finishes or
 * abandons such a write after a failure.
 */
import type { CrmCompany, Values } from '../../domain/customer';
import type { CrmConnector, CustomFieldDef, Progress } from '../../domain/ports';
import { mapLimit } from '../../util/mapLimit';
import { parseSageCrmConfig, type SageCrmConfig, type SageCrmConfigInput } from './config';
import { createOnce } from './createOnce';
import { CrmError } from './errors';
import { CrmHttp, type CrmHttpStats } from './http';
import { ADDRESS_COLUMNS, business, BUSINESS, CrmMapping, type CrmWrites, type CustomFieldRef } from './mapping';
import { eachPage, type PageOf, type PagingOptions, readPages } from './paging';
import { and, compare, or } from './where';
import {
  type CompanyRecord,
  CompanyWire,
  expectWire,
  type LinkedPage,
  LinkedPageWire,
  PageWire,
  PrototypeWire,
  readingPageWire,
} from './wire';

const INCLUDE = 'address,phoneCollection,emailCollection';
/** `plink_entityid`/`elink_entityid` of a company. */
const COMPANY_ENTITY = 5;

/**
 * Company fields that are not custom fields: those the reference documents, the created-by and
 * updated-by columns every CRM table has, and the copies of phone, fax and e-mail CRM's screens
 * keep. The configured VAT, language and BobSync fields are added per client.
 */
const STANDARD_FIELDS = [
  'comp_companyid',
  'comp_name',
  'comp_type',
  'comp_status',
  'comp_website',
  'comp_primarypersonid',
  'comp_primaryaddressid',
  'comp_phonenumber',
  'comp_faxnumber',
  'comp_emailaddress',
  'comp_createdby',
  'comp_createddate',
  'comp_updatedby',
  'comp_updateddate',
  'comp_deleted',
  'comp_timestamp',
];

/**
 * The records that hold a company's address, phones and e-mails, listed by their own stamp, and
 * where each names its company.
 */
const LINKED_LISTS = [
  { resource: 'Address', idColumn: 'addr_addressid', stamp: 'addr_updateddate', company: (r: Record<string, unknown>) => r.adli_companyid },
  { resource: 'Phone', idColumn: 'phon_phoneid', stamp: 'phon_updateddate', company: linkedCompany('plink') },
  { resource: 'Email', idColumn: 'emai_emailid', stamp: 'emai_updateddate', company: linkedCompany('elink') },
] as const;

function linkedCompany(prefix: 'plink' | 'elink') {
  return (r: Record<string, unknown>): unknown =>
    Number(r[`${prefix}_entityid`]) === COMPANY_ENTITY ? r[`${prefix}_recordid`] : undefined;
}

/** What changed since a watermark, and the watermark to give next time. */
export interface CrmChanges {
  /** Each changed company once, soft-deleted ones included and flagged. */
  companies: CrmCompany[];
  /** The latest stamp seen (company or linked record); the given one when nothing changed. */
  watermark: string;
}

export class SageCrmClient implements CrmConnector {
  private readonly config: SageCrmConfig;
  private readonly http: CrmHttp;
  private readonly mapping: CrmMapping;
  private readonly readingPage: ReturnType<typeof readingPageWire>;

  /**
   * `customFields`: the BOB custom fields to read (`cf.<name>` from `comp_<name in lower
   * case>`), with their types so that check boxes convert; other custom fields are ignored on reading.
   */
  constructor(config: SageCrmConfigInput, customFields: readonly CustomFieldRef[] = []) {
    this.config = parseSageCrmConfig(config);
    this.http = new CrmHttp(this.config);
    this.mapping = new CrmMapping(this.config, customFields);
    this.readingPage = readingPageWire(this.mapping.readColumns, Object.values(ADDRESS_COLUMNS));
  }

  /**
   * Checks at start what every later call relies on: the server answers, accepts the
   * credentials, and has the configured BobSync, VAT and language fields on Company.
   */
  async verify(): Promise<void> {
    const properties = await this.prototype();
    const problems: string[] = [];
    const need = (key: 'bobsyncField' | 'vatField' | 'languageField', what: string, type?: string) => {
      const name = this.config[key];
      const found = Object.entries(properties).find(([field]) => field.toLowerCase() === name.toLowerCase());
      if (found === undefined) problems.push(`Sage CRM has no Company field ${name} (${key}): create ${what} in CRM, or set ${key} to its name`);
      else if (type !== undefined && found[1].$type !== undefined && found[1].$type !== type) {
        problems.push(`Company field ${name} (${key}) is a ${found[1].$type} field in Sage CRM; ${what} must be a check box`);
      }
    };
    need('bobsyncField', 'the BobSync check box', 'boolean');
    need('vatField', 'the VAT number field');
    need('languageField', 'the language field');
    if (problems.length > 0) throw new CrmError('setup', 0, problems.join('; '));
  }

  async readAll(onProgress?: Progress): Promise<CrmCompany[]> {
    return readPages((start, count) => this.companyPage(start, count), { ...this.paging(onProgress), key: (c) => c.id });
  }

  async readEach(onPage: (companies: CrmCompany[]) => void, onProgress?: Progress): Promise<void> {
    await eachPage((start, count) => this.companyPage(start, count), this.paging(onProgress), onPage);
  }

  private paging(onProgress?: Progress): PagingOptions {
    return { pageSize: this.config.pageSize, concurrency: this.config.concurrency, onProgress };
  }

  /**
   * Companies from `startIndex`, mapped as the page arrives: the wire records, with every column
   * and linked record, are let go at once rather than held until the last page is in.
   */
  private async companyPage(startIndex: number, count: number): Promise<PageOf<CrmCompany>> {
    const query = { orderBy: 'comp_companyid asc', startIndex, count, include: INCLUDE };
    const page = expectWire(this.readingPage, await this.http.send('GET', 'Company', { query }), 'a page of companies');
    return { ...page, $resources: page.$resources.map((r) => this.mapping.toCompany(r)) };
  }

  /**
   * Companies changed since `watermark` (ISO 8601), found by their own stamp and by the stamps
   * of their address, phones and e-mails, which move alone in Sage CRM. The query starts
   * `changeOverlapMs` earlier, so a company may come again in the next call: callers merge by
   * id. Companies are read in (comp_updateddate, comp_companyid) order, each page starting
   * after the last one read, so a company changed during the read is seen later, never skipped.
   */
  async changesSince(watermark: string): Promise<CrmChanges> {
    const ms = Date.parse(watermark);
    if (Number.isNaN(ms)) throw new Error(`'${watermark}' is not an ISO 8601 date and time`);
    const from = new Date(ms - this.config.changeOverlapMs).toISOString();
    const byId = new Map<string, CompanyRecord>();
    let latest = new Date(ms).toISOString();
    const seen = (stamp: unknown) => {
      if (typeof stamp === 'string' && Date.parse(stamp) > Date.parse(latest)) latest = new Date(Date.parse(stamp)).toISOString();
    };

    let clause = compare('comp_updateddate', 'gt', from);
    for (;;) {
      const query = { where: clause, orderBy: 'comp_updateddate asc', count: this.config.pageSize, include: INCLUDE };
      const page = expectWire(PageWire, await this.http.send('GET', 'Company', { query }), 'a page of changed companies');
      for (const record of page.$resources) {
        byId.set(companyKey(record), record);
        seen(record.comp_updateddate);
      }
      const last = page.$resources.at(-1);
      if (last === undefined || typeof last.comp_updateddate !== 'string') break;
      const stamp = new Date(Date.parse(last.comp_updateddate)).toISOString();
      clause = or(
        compare('comp_updateddate', 'gt', stamp),
        and(compare('comp_updateddate', 'eq', stamp), compare('comp_companyid', 'gt', Number(last.comp_companyid))),
      );
    }

    const linkedOwners = new Set<string>();
    for (const list of LINKED_LISTS) {
      const records = await readPages(
        async (startIndex, count) => {
          const query = { where: compare(list.stamp, 'gt', from), startIndex, count };
          const body = await this.http.send('GET', list.resource, { query });
          return expectWire(LinkedPageWire, body, `a page of changed ${list.resource} records`) as LinkedPage;
        },
        { ...this.paging(), key: (r) => String(r[list.idColumn]) },
      );
      for (const record of records) {
        seen(record[list.stamp]);
        const owner = list.company(record);
        if (owner !== undefined && owner !== null && !byId.has(String(owner))) linkedOwners.add(String(owner));
      }
    }
    for (const [id, record] of await this.fetchCompanies([...linkedOwners])) byId.set(id, record);
    return { companies: [...byId.values()].map((r) => this.mapping.toCompany(r)), watermark: latest };
  }

  async readMany(ids: string[]): Promise<Map<string, CrmCompany>> {
    const found = await this.fetchCompanies(ids);
    return new Map([...found].map(([id, record]) => [id, this.mapping.toCompany(record)]));
  }

  async findByVat(vat: string): Promise<CrmCompany[]> {
    // A blank VAT is a NULL in CRM, which a where clause cannot look for: no company is found by it.
    if (vat.trim() === '') return [];
    const records = await readPages(
      async (startIndex, count) => {
        const query = { where: compare(this.config.vatField, 'eq', vat), orderBy: 'comp_companyid asc', startIndex, count, include: INCLUDE };
        return expectWire(PageWire, await this.http.send('GET', 'Company', { query }), 'a page of companies');
      },
      { ...this.paging(), key: companyKey },
    );
    return records.map((r) => this.mapping.toCompany(r));
  }

  /**
   * Writes each field where it lives. A soft-deleted company is not written: writing to it
   * would change a record nobody sees, and the user should decide what the deletion means.
   */
  async update(id: string, values: Values): Promise<void> {
    const writes = this.mapping.toWrites(values);
    const current = await this.fetchCompany(id);
    if (this.mapping.toCompany(current).deleted) {
      throw new CrmError('conflict', 0, `Company ${id} is deleted in Sage CRM (comp_deleted): it was not written; restore it in CRM or leave it out of the synchronisation`);
    }
    if (Object.keys(writes.company).length > 0) {
      await this.http.send('PATCH', companyResource(id), { body: writes.company });
    }
    await this.writeLinked(companyNumber(id), current, writes);
  }

  async create(values: Values): Promise<string> {
    const writes = this.mapping.toWrites(values);
    const body = { ...writes.company, comp_type: 'Customer', [this.config.bobsyncField]: 'Y' };
    const created = await createOnce(
      async () => expectWire(CompanyWire, await this.http.send('POST', 'Company', { body }), 'the created company'),
      () => this.findCreated(body),
      this.config.maxAttempts,
    );
    const id = String(created.comp_companyid);
    try {
      // A new company has no linked records yet; one adopted after a lost answer has none either,
      // since its creation was the request that failed.
      await this.writeLinked(Number(id), created, writes);
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
    const properties = await this.prototype();
    const mapped = new Set([
      ...STANDARD_FIELDS,
      this.config.vatField,
      this.config.languageField,
      this.config.bobsyncField,
    ]);
    return Object.entries(properties)
      .filter(([name]) => name.startsWith('comp_') && !mapped.has(name))
      .map(([name, p]) => ({
        name,
        type: fieldType(p.$type),
        length: p.$maxLength,
        readOnly: p.$isReadOnly ?? false,
        mandatory: p.$isMandatory ?? false,
      }));
  }

  /** Requests sent and retried so far. */
  stats(): CrmHttpStats {
    return this.http.stats();
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private async prototype() {
    const body = await this.http.send('GET', '$prototypes/company');
    return expectWire(PrototypeWire, body, 'the Company prototype').$properties;
  }

  private async fetchCompany(id: string): Promise<CompanyRecord> {
    const body = await this.http.send('GET', companyResource(id), { query: { include: INCLUDE } });
    return expectWire(CompanyWire, body, `company ${id}`);
  }

  /** The companies with these ids, unknown ones left out, fetched concurrently. */
  private async fetchCompanies(ids: readonly string[]): Promise<Map<string, CompanyRecord>> {
    const unique = [...new Set(ids)];
    const found = await mapLimit(unique, this.config.concurrency, async (id) => {
      try {
        return await this.fetchCompany(id);
      } catch (err) {
        if (err instanceof CrmError && err.kind === 'not_found') return undefined;
        throw err;
      }
    });
    const result = new Map<string, CompanyRecord>();
    unique.forEach((id, i) => {
      const record = found[i];
      if (record) result.set(id, record);
    });
    return result;
  }

  /**
   * The company a POST whose answer was lost created, if it did: a live company created in the
   * last minutes with every field as sent. Several are a duplicate someone must look at.
   */
  private async findCreated(body: Record<string, string>): Promise<CompanyRecord | undefined> {
    const since = new Date(Date.now() - CREATION_WINDOW_MS).toISOString();
    const clauses = [compare('comp_name', 'eq', body.comp_name ?? ''), compare('comp_createddate', 'ge', since)];
    const vat = body[this.config.vatField];
    if (vat) clauses.push(compare(this.config.vatField, 'eq', vat));
    const query = { where: and(...clauses), orderBy: 'comp_companyid asc', count: this.config.pageSize };
    const page = expectWire(PageWire, await this.http.send('GET', 'Company', { query }), 'a page of companies');
    const ours = page.$resources.filter(
      (r) => !r.comp_deleted && Object.entries(body).every(([field, value]) => sameValue(r[field], value)),
    );
    if (ours.length > 1) {
      const ids = ours.map((r) => r.comp_companyid).join(', ');
      throw new CrmError('conflict', 0, `Creating company "${body.comp_name}" may have created several: companies ${ids}; keep one in Sage CRM`);
    }
    return ours[0];
  }

  /** Address, Business phone and Business e-mail: patched where they exist, created where not. */
  private async writeLinked(companyId: number, current: CompanyRecord, writes: CrmWrites): Promise<void> {
    if (Object.keys(writes.address).length > 0) {
      await this.writePart(companyId, current, {
        find: (c) => (c.address ? `Address('${c.address.addr_addressid}')` : undefined),
        patch: writes.address,
        create: Object.values(writes.address).some((v) => v !== '')
          ? { resource: 'Address', body: { ...writes.address, adli_companyid: companyId } }
          : undefined,
      });
    }
    if (writes.phone !== undefined) {
      const link = { plink_entityid: COMPANY_ENTITY, plink_recordid: companyId };
      await this.writePart(companyId, current, {
        find: (c) => {
          const phone = business(c.phoneCollection?.$resources, 'phon_type');
          return phone ? `Phone('${phone.phon_phoneid}')` : undefined;
        },
        patch: { phon_number: writes.phone },
        create: writes.phone !== '' ? { resource: 'Phone', body: { phon_type: BUSINESS, phon_number: writes.phone, ...link } } : undefined,
      });
    }
    if (writes.email !== undefined) {
      const link = { elink_entityid: COMPANY_ENTITY, elink_recordid: companyId };
      await this.writePart(companyId, current, {
        find: (c) => {
          const email = business(c.emailCollection?.$resources, 'emai_type');
          return email ? `Email('${email.emai_emailid}')` : undefined;
        },
        patch: { emai_emailaddress: writes.email },
        create:
          writes.email !== '' ? { resource: 'Email', body: { emai_type: BUSINESS, emai_emailaddress: writes.email, ...link } } : undefined,
      });
    }
  }

  /**
   * Patches a linked record, or creates it when the company has none. A creation whose answer
   * was lost is looked for on the company before it is sent again, and patched if it is there.
   */
  private async writePart(
    companyId: number,
    current: CompanyRecord,
    part: {
      find: (company: CompanyRecord) => string | undefined;
      patch: Record<string, string>;
      create?: { resource: string; body: Record<string, unknown> };
    },
  ): Promise<void> {
    const existing = part.find(current);
    if (existing !== undefined) {
      await this.http.send('PATCH', existing, { body: part.patch });
      return;
    }
    const { create } = part;
    if (create === undefined) return;
    await createOnce(
      () => this.http.send('POST', create.resource, { body: create.body }),
      async () => {
        const resource = part.find(await this.fetchCompany(String(companyId)));
        return resource === undefined ? undefined : this.http.send('PATCH', resource, { body: part.patch });
      },
      this.config.maxAttempts,
    );
  }
}

/** How far back a lost creation is looked for; CRM's clock may differ from ours by this much. */
const CREATION_WINDOW_MS = 10 * 60_000;

const companyKey = (record: CompanyRecord): string => String(record.comp_companyid);

function companyNumber(id: string): number {
  if (!/^\d{1,15}$/.test(id)) throw new Error(`'${id}' is not a Sage CRM company id`);
  return Number(id);
}

const companyResource = (id: string): string => `Company('${companyNumber(id)}')`;

/** A stored value against what was sent: check boxes come back as 'Y'/'N', blanks as null. */
function sameValue(stored: unknown, sent: string): boolean {
  if (stored === null || stored === undefined) return sent === '';
  if (stored === true) return sent === 'Y';
  if (stored === false) return sent === 'N';
  return String(stored) === sent;
}

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
