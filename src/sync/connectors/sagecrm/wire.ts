/**
 * The JSON the client relies on, checked on arrival: a malformed answer fails with a CrmError
 * naming the problem instead of turning into blank values downstream. Other keys pass through.
 */
import { z } from 'zod';
import { CrmError } from './errors';

const Id = z.union([z.number().int(), z.string().regex(/^\d+$/)]);

const LinkedCollection = <T extends z.ZodType>(item: T) => z.object({ $resources: z.array(item) });

const Stamp = z.string().nullish();

export const AddressWire = z.looseObject({ addr_addressid: Id, addr_updateddate: Stamp });
export const PhoneWire = z.looseObject({ phon_phoneid: Id, phon_type: z.string().nullish(), phon_updateddate: Stamp });
export const EmailWire = z.looseObject({ emai_emailid: Id, emai_type: z.string().nullish(), emai_updateddate: Stamp });

export const CompanyWire = z.looseObject({
  comp_companyid: Id,
  comp_updateddate: z.string().nullish(),
  address: AddressWire.nullish(),
  phoneCollection: LinkedCollection(PhoneWire).nullish(),
  emailCollection: LinkedCollection(EmailWire).nullish(),
});
export type CompanyRecord = z.infer<typeof CompanyWire>;

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    $totalResults: z.number().int().nonnegative(),
    $startIndex: z.number().int().optional(),
    $itemsPerPage: z.number().int().nonnegative().optional(),
    $resources: z.array(item),
  });

export const PageWire = pageOf(CompanyWire);
export type Page = z.infer<typeof PageWire>;

const Column = z.unknown().optional();
const columns = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, Column]));

/**
 * A page of companies for a whole read, keeping only the company columns named and the
 * address, phone and e-mail columns the mapping reads. Parsing copies what it keeps: a pull
 * reads 100,000 companies, and copying every column of each would double what the read
 * allocates.
 */
export function readingPageWire(companyColumns: readonly string[], addressColumns: readonly string[]): z.ZodType<Page> {
  return pageOf(
    z.object({
      ...columns(companyColumns),
      comp_companyid: Id,
      comp_updateddate: z.string().nullish(),
      address: z.object({ ...columns(addressColumns), addr_addressid: Id, addr_updateddate: Stamp }).nullish(),
      phoneCollection: LinkedCollection(
        z.object({ phon_phoneid: Id, phon_type: z.string().nullish(), phon_number: Column, phon_updateddate: Stamp }),
      ).nullish(),
      emailCollection: LinkedCollection(
        z.object({ emai_emailid: Id, emai_type: z.string().nullish(), emai_emailaddress: Column, emai_updateddate: Stamp }),
      ).nullish(),
    }),
  );
}

/**
 * A page of addresses, phones or e-mails with the columns of their links: the company they
 * belong to is `adli_companyid`, or `plink_recordid`/`elink_recordid` when the entity is 5.
 */
export const LinkedPageWire = pageOf(z.looseObject({}));
export type LinkedPage = z.infer<typeof LinkedPageWire>;

const PropertyWire = z.looseObject({
  $type: z.string().optional(),
  $maxLength: z.number().int().optional(),
  $isMandatory: z.boolean().optional(),
  $isReadOnly: z.boolean().optional(),
});
export const PrototypeWire = z.object({ $properties: z.record(z.string(), PropertyWire) });

/** Parses `body` or fails with a protocol error naming what was expected. */
export function expectWire<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new CrmError(
    'protocol',
    200,
    `Sage CRM sent ${what} in an unexpected shape (${issue.path.join('.') || 'body'}: ${issue.message}); is baseUrl the REST API of a supported Sage CRM version?`,
  );
}
