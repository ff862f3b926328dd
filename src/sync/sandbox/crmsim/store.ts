/**
 * The simulated CRM's data, on SQLite. Two faces share one set of rules: the in-process API
 * (`insertCompanies`, `updateCompany`, ...) that the sandbox generator and tests use, and the
 * REST-shaped methods (`createCompany`, `patchAddress`, ...) that the HTTP server calls with
 * request bodies. Every write to a company or to a record linked to it moves
 * `comp_updateddate`, as Sage CRM does.
 */
import Database from 'better-sqlite3';
import { checkWrite, COMPANY_FIELDS, fieldMap, isText, type SimFieldDef, type SqlValue } from './catalogue';
import { MonotonicClock } from './clock';
import { SimInputError, SimNotFoundError } from './errors';
import { ADDRESS, EMAIL, type LinkedKind, PHONE, type TypedKind } from './linked';
import { addCustomColumn, COMPANY_ENTITY, createSchema, type CustomFieldInput, readCustomFields } from './schema';
import { parseWhere } from './where';

export interface SimAddressInput {
  addr_address1?: string;
  addr_address2?: string;
  addr_postcode?: string;
  addr_city?: string;
  addr_country?: string;
}

/** A company as the sandbox seeds it, in CRM terms. */
export interface SimCompanyInput {
  comp_name: string;
  comp_type: string;
  comp_bobsync: boolean;
  comp_status?: string;
  comp_website?: string;
  comp_vatnumber?: string;
  comp_language?: string;
  address?: SimAddressInput;
  /** Business phone number. */
  phone?: string;
  fax?: string;
  /** Business e-mail address. */
  email?: string;
  /** Custom field (`comp_xxx`) → value, in the text form Values use. */
  custom?: Record<string, string>;
}

/** A change made "in CRM" by the sandbox: absent keys stay as they are. */
export type SimCompanyPatch = Partial<Omit<SimCompanyInput, 'address'>> & { address?: SimAddressInput };

export type SimRow = Record<string, SqlValue>;

/** A stored company with its primary address and its phones and e-mails. */
export interface SimCompany {
  id: number;
  /** Every `comp_` column, custom ones included. */
  fields: SimRow;
  address: SimRow | null;
  phones: SimRow[];
  emails: SimRow[];
}

export interface ListQuery {
  where?: string;
  /** `<field> [asc|desc]`; default `comp_companyid asc`. */
  orderBy?: string;
  offset: number;
  limit: number;
}

const SCALAR_INPUT_KEYS = [
  'comp_name',
  'comp_type',
  'comp_status',
  'comp_website',
  'comp_vatnumber',
  'comp_language',
  'comp_bobsync',
] as const;

const STANDARD_FIELDS = new Set(COMPANY_FIELDS.map((f) => f.name));

const COPIES = [
  ['phone', 'comp_phonenumber'],
  ['fax', 'comp_faxnumber'],
  ['email', 'comp_emailaddress'],
] as const;

export class CrmSimStore {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly clock: MonotonicClock;
  private readonly fields: Map<string, SimFieldDef>;

  private constructor(private readonly db: Database.Database) {
    createSchema(db);
    this.fields = fieldMap([...COMPANY_FIELDS, ...readCustomFields(db)]);
    const { latest } = db.prepare('SELECT MAX(comp_updateddate) AS latest FROM Company').get() as {
      latest: string | null;
    };
    this.clock = new MonotonicClock(latest);
  }

  /** Opens (creating if needed) the database file; `':memory:'` for a throw-away store. */
  static open(file: string): CrmSimStore {
    const db = new Database(file);
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    return new CrmSimStore(db);
  }

  close(): void {
    this.db.close();
  }

  /** Adds a custom company field; defining the same field again with the same shape is a no-op. */
  defineCustomField(def: CustomFieldInput): void {
    const existing = this.fields.get(def.name);
    if (existing) {
      if (!STANDARD_FIELDS.has(def.name) && existing.type === def.type && existing.maxLength === def.length) return;
      throw new SimInputError(`Field '${def.name}' already exists on Company with another definition`, 'InvalidField');
    }
    const added = addCustomColumn(this.db, def);
    this.fields.set(added.name, added);
    // Cached statements were compiled against the old column list.
    this.statements.clear();
  }

  /** Standard and custom company fields, in declaration order. */
  companyFields(): ReadonlyMap<string, SimFieldDef> {
    return this.fields;
  }

  count(): number {
    return (this.stmt('SELECT COUNT(*) AS n FROM Company').get() as { n: number }).n;
  }

  get(id: number): SimCompany | undefined {
    const row = this.stmt('SELECT * FROM Company WHERE comp_companyid = ?').get(id) as SimRow | undefined;
    return row ? this.withLinks([row])[0] : undefined;
  }

  /** Inserts companies with their address, phones and e-mail in one transaction; returns their ids. */
  insertCompanies(list: readonly SimCompanyInput[]): number[] {
    return this.db.transaction(() => {
      // One transaction, one moment: a bulk load is a single write as far as pollers can tell.
      const now = this.clock.now();
      return list.map((input) => {
        const id = this.insertCompany(checkWrite('Company', this.fields, this.companyBody(input), true), now);
        this.applyParts(id, input, true, now);
        return id;
      });
    })();
  }

  updateCompany(id: number, patch: SimCompanyPatch): void {
    this.db.transaction(() => {
      this.requireCompany(id);
      const values = checkWrite('Company', this.fields, this.companyBody(patch), false);
      this.updateColumns('Company', 'comp_companyid', id, values);
      this.applyParts(id, patch, false, this.clock.now());
      this.touch([id]);
    })();
  }

  softDelete(id: number): void {
    this.db.transaction(() => {
      this.requireCompany(id);
      this.stmt("UPDATE Company SET comp_deleted = 'Y' WHERE comp_companyid = ?").run(id);
      this.touch([id]);
    })();
  }

  /**
   * A page of companies, soft-deleted ones included: integrations must see deletions, and the
   * REST API offers no other way to learn of them.
   */
  list(query: ListQuery): { total: number; companies: SimCompany[] } {
    const filter = query.where?.trim() ? parseWhere(query.where, this.fields) : { sql: '1', params: [] };
    const order = this.orderClause(query.orderBy);
    return this.db.transaction(() => {
      const { n } = this.stmt(`SELECT COUNT(*) AS n FROM Company WHERE ${filter.sql}`).get(...filter.params) as {
        n: number;
      };
      const rows = this.stmt(`SELECT * FROM Company WHERE ${filter.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
        ...filter.params,
        query.limit,
        query.offset,
      ) as SimRow[];
      return { total: n, companies: this.withLinks(rows) };
    })();
  }

  /** A page of the live addresses, phones or e-mails, each with the columns of its link. */
  listLinked(kind: LinkedKind, query: ListQuery): { total: number; rows: SimRow[] } {
    const filter = query.where?.trim() ? parseWhere(query.where, kind.fields) : { sql: '1', params: [] };
    const order = `${kind.idColumn} ASC`;
    return this.db.transaction(() => {
      const from = `${kind.listFrom} AND (${filter.sql})`;
      const { n } = this.stmt(`SELECT COUNT(*) AS n FROM ${from}`).get(...filter.params) as { n: number };
      const rows = this.stmt(`SELECT l.*, x.* FROM ${from} ORDER BY ${order} LIMIT ? OFFSET ?`)
        .all(...filter.params, query.limit, query.offset)
        .map((raw) => {
          const { [kind.deletedColumn]: _deleted, ...row } = raw as SimRow;
          return row;
        });
      return { total: n, rows };
    })();
  }

  /** POST Company: returns the new id. */
  createCompany(body: Record<string, unknown>): number {
    const values = checkWrite('Company', this.fields, body, true);
    return this.db.transaction(() => this.insertCompany(values, this.clock.now()))();
  }

  /** PATCH Company('id'). */
  patchCompany(id: number, body: Record<string, unknown>): void {
    const values = checkWrite('Company', this.fields, body, false);
    this.db.transaction(() => {
      this.requireCompany(id);
      this.updateColumns('Company', 'comp_companyid', id, values);
      this.touch([id]);
    })();
  }

  /**
   * PATCH Address/Phone/Email('id'); returns the updated record. Only the record's own stamp
   * moves, as in Sage CRM: pollers must look at linked records as well as at companies.
   */
  patchLinked(kind: LinkedKind, id: number, body: Record<string, unknown>): SimRow {
    const values = checkWrite(kind.entity, kind.fields, body, false);
    return this.db.transaction(() => {
      this.requireLinked(kind, id);
      this.updateColumns(kind.table, kind.idColumn, id, { ...values, [kind.updatedColumn]: this.clock.now() });
      return this.requireLinked(kind, id);
    })();
  }

  /** POST Address/Phone/Email: the body names the company in the link keys; returns the new record. */
  createLinked(kind: LinkedKind, body: Record<string, unknown>): SimRow {
    const { [kind.recordKey]: companyId, ...fields } = body;
    if (kind.entityKey) {
      if (fields[kind.entityKey] !== COMPANY_ENTITY) {
        const message = `${kind.entityKey} must be ${COMPANY_ENTITY} (company); others are not simulated`;
        throw new SimInputError(message, 'InvalidValue');
      }
      delete fields[kind.entityKey];
    }
    if (!Number.isInteger(companyId)) {
      const message = `${kind.recordKey} must be the id of the company to link the ${kind.entity} to`;
      throw new SimInputError(message, 'MandatoryField');
    }
    const id = companyId as number;
    const values = checkWrite(kind.entity, kind.fields, fields, true);
    return this.db.transaction(() => {
      if (!this.companyExists(id)) {
        throw new SimInputError(`${kind.recordKey}: company ${id} does not exist`, 'InvalidValue');
      }
      const recordId = this.insertLinked(kind, id, values, this.clock.now());
      return this.requireLinked(kind, recordId);
    })();
  }

  private insertCompany(values: Record<string, SqlValue>, now: string): number {
    return this.insertRow('Company', { ...values, comp_createddate: now, comp_updateddate: now });
  }

  private insertLinked(kind: LinkedKind, companyId: number, values: Record<string, SqlValue>, now: string): number {
    const recordId = this.insertRow(kind.table, { ...values, [kind.updatedColumn]: now });
    this.stmt(kind.insertLink).run(recordId, companyId);
    if (kind === ADDRESS) {
      // The first address of a company becomes its primary one; later ones do not replace it.
      this.stmt(
        'UPDATE Company SET comp_primaryaddressid = ? WHERE comp_companyid = ? AND comp_primaryaddressid IS NULL',
      ).run(recordId, companyId);
    }
    return recordId;
  }

  /**
   * Writes the address, phone, fax and e-mail parts of a seed or patch. `fresh`: the company was
   * just inserted, so it has no linked records to look up (this keeps bulk seeding fast).
   */
  private applyParts(id: number, input: SimCompanyPatch, fresh: boolean, now: string): void {
    if (input.address) {
      const values = checkWrite('Address', ADDRESS.fields, { ...input.address }, false);
      const primary = fresh
        ? null
        : (this.stmt('SELECT comp_primaryaddressid FROM Company WHERE comp_companyid = ?').pluck().get(id) as
            | number
            | null);
      if (primary === null) this.insertLinked(ADDRESS, id, values, now);
      else this.updateColumns('Address', 'addr_addressid', primary, { ...values, addr_updateddate: now });
    }
    const typed = (kind: TypedKind, type: string, value: string) => this.upsertTyped(kind, id, type, value, fresh, now);
    if (input.phone !== undefined) typed(PHONE, 'Business', input.phone);
    if (input.fax !== undefined) typed(PHONE, 'Fax', input.fax);
    if (input.email !== undefined) typed(EMAIL, 'Business', input.email);
  }

  /** Sets the company's first phone or e-mail of that type, or links a new one. */
  private upsertTyped(kind: TypedKind, companyId: number, type: string, value: string, fresh: boolean, now: string): void {
    const body = { [kind.valueColumn]: value };
    const existing = fresh
      ? undefined
      : (this.stmt(kind.ofCompanies)
          .all(JSON.stringify([companyId]))
          .find((r) => (r as SimRow)[kind.typeColumn] === type) as SimRow | undefined);
    if (existing) {
      const values = checkWrite(kind.entity, kind.fields, body, false);
      this.updateColumns(kind.table, kind.idColumn, existing[kind.idColumn] as number, { ...values, [kind.updatedColumn]: now });
    } else {
      const values = checkWrite(kind.entity, kind.fields, { [kind.typeColumn]: type, ...body }, true);
      this.insertLinked(kind, companyId, values, now);
    }
  }

  /** Turns the CRM-shaped input into a Company body, custom fields included. */
  private companyBody(input: SimCompanyPatch): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const key of SCALAR_INPUT_KEYS) {
      if (input[key] !== undefined) body[key] = input[key];
    }
    // CRM's own screens keep the company's copies of phone, fax and e-mail; the API does not.
    for (const [part, copy] of COPIES) {
      if (input[part] !== undefined) body[copy] = input[part];
    }
    for (const [name, value] of Object.entries(input.custom ?? {})) {
      if (STANDARD_FIELDS.has(name) || !this.fields.has(name)) {
        throw new SimInputError(`'${name}' is not a custom Company field; define it first`, 'UnknownField');
      }
      body[name] = value;
    }
    return body;
  }

  /** Inserts one row; the column names come from checkWrite, so they are known fields. */
  private insertRow(table: string, row: Record<string, SqlValue>): number {
    const columns = Object.keys(row);
    const names = columns.map((c) => `"${c}"`).join(', ');
    const sql = `INSERT INTO ${table} (${names}) VALUES (${columns.map(() => '?').join(', ')})`;
    return Number(this.stmt(sql).run(...Object.values(row)).lastInsertRowid);
  }

  private updateColumns(table: string, idColumn: string, id: number, values: Record<string, SqlValue>): void {
    const columns = Object.keys(values);
    if (columns.length === 0) return;
    const sql = `UPDATE ${table} SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE ${idColumn} = ?`;
    this.stmt(sql).run(...Object.values(values), id);
  }

  private touch(companyIds: readonly number[]): void {
    if (companyIds.length === 0) return;
    this.stmt('UPDATE Company SET comp_updateddate = ? WHERE comp_companyid IN (SELECT value FROM json_each(?))').run(
      this.clock.now(),
      JSON.stringify(companyIds),
    );
  }

  private companyExists(id: number): boolean {
    return this.stmt('SELECT 1 FROM Company WHERE comp_companyid = ?').get(id) !== undefined;
  }

  private requireCompany(id: number): void {
    if (!this.companyExists(id)) throw new SimNotFoundError(`Company ${id} not found`);
  }

  private requireLinked(kind: LinkedKind, id: number): SimRow {
    const sql = `SELECT * FROM ${kind.table} WHERE ${kind.idColumn} = ? AND ${kind.deletedColumn} IS NULL`;
    const row = this.stmt(sql).get(id) as SimRow | undefined;
    if (!row) throw new SimNotFoundError(`${kind.entity} ${id} not found`);
    delete row[kind.deletedColumn];
    return row;
  }

  private orderClause(orderBy: string | undefined): string {
    if (!orderBy?.trim()) return 'comp_companyid ASC';
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/i.exec(orderBy);
    const field = m && this.fields.get(m[1].toLowerCase());
    if (!m || !field) {
      const message = `Invalid orderBy '${orderBy}': expected '<Company field> asc' or '<Company field> desc'`;
      throw new SimInputError(message, 'BadOrderBy');
    }
    // The id breaks ties so that pages never overlap or skip rows.
    const collate = isText(field) ? ' COLLATE NOCASE' : '';
    return `"${field.name}"${collate} ${(m[2] ?? 'asc').toUpperCase()}, comp_companyid ASC`;
  }

  /** Attaches primary address, phones and e-mails, three queries per batch of companies. */
  private withLinks(rows: SimRow[]): SimCompany[] {
    const ids = JSON.stringify(rows.map((r) => r.comp_companyid));
    const byOwner = (kind: LinkedKind): Map<number, SimRow[]> => {
      const map = new Map<number, SimRow[]>();
      for (const raw of this.stmt(kind.ofCompanies).all(ids) as SimRow[]) {
        const { owner, [kind.deletedColumn]: _deleted, ...row } = raw;
        const list = map.get(owner as number) ?? [];
        list.push(row);
        map.set(owner as number, list);
      }
      return map;
    };
    const addresses = byOwner(ADDRESS);
    const phones = byOwner(PHONE);
    const emails = byOwner(EMAIL);
    return rows.map((fields) => {
      const id = fields.comp_companyid as number;
      return {
        id,
        fields,
        address: addresses.get(id)?.[0] ?? null,
        phones: phones.get(id) ?? [],
        emails: emails.get(id) ?? [],
      };
    });
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
