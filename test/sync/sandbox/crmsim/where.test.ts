import { COMPANY_FIELDS, fieldMap } from '../../../../src/sync/sandbox/crmsim/catalogue';
import { parseWhere } from '../../../../src/sync/sandbox/crmsim/where';

const fields = fieldMap(COMPANY_FIELDS);
const where = (text: string) => parseWhere(text, fields);

describe('parseWhere', () => {
  test('comparisons become parameterised SQL', () => {
    expect(where("comp_name eq 'Acme'")).toEqual({ sql: '"comp_name" = ? COLLATE NOCASE', params: ['Acme'] });
    expect(where('comp_companyid ge 10')).toEqual({ sql: '"comp_companyid" >= ?', params: [10] });
    expect(where("comp_name like 'Ac%'")).toEqual({ sql: '"comp_name" LIKE ?', params: ['Ac%'] });
  });

  test('and binds tighter than or; parentheses group', () => {
    expect(where("comp_type eq 'A' or comp_type eq 'B' and comp_companyid ne 3").sql).toBe(
      '("comp_type" = ? COLLATE NOCASE) OR (("comp_type" = ? COLLATE NOCASE) AND ("comp_companyid" <> ?))',
    );
    expect(where("(comp_companyid eq 1 or comp_companyid eq 2) AND comp_companyid lt 5").sql).toBe(
      '(("comp_companyid" = ?) OR ("comp_companyid" = ?)) AND ("comp_companyid" < ?)',
    );
  });

  test("quotes are escaped by doubling them, and values are never spliced into SQL", () => {
    expect(where("comp_name eq 'O''Neil; DROP TABLE Company'")).toEqual({
      sql: '"comp_name" = ? COLLATE NOCASE',
      params: ["O'Neil; DROP TABLE Company"],
    });
  });

  test('dates compare as instants whatever their ISO form', () => {
    expect(where("comp_updateddate gt '2024-05-01T14:00:00+02:00'").params).toEqual(['2024-05-01T12:00:00.000Z']);
    expect(where("comp_companyid eq '43'").params).toEqual([43]);
  });

  test.each([
    ["comp_nope eq 'x'", /unknown field 'comp_nope'/],
    ["comp_name equals 'x'", /expected an operator .* after comp_name/],
    ['comp_name eq', /expected a value after 'comp_name eq' but the clause ended/],
    ["comp_name eq 'x", /unterminated/],
    ["comp_name eq 'x' comp_type eq 'y'", /unexpected 'comp_type'/],
    ["(comp_name eq 'x'", /expected \) but the clause ended/],
    ["comp_bobsync eq 'Y'", /check box/],
    ['comp_companyid like 4', /like applies to text fields/],
    ["comp_updateddate gt 'yesterday'", /ISO 8601/],
    ["comp_companyid eq 'abc'", /numbers/],
    ["comp_name eq 'x' ; 1", /unexpected character ';'/],
  ])('%s is refused', (text, message) => {
    expect(() => where(text)).toThrow(message);
  });
});
