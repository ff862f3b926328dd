import fc from 'fast-check';
import { escapeText } from '../../../src/sync/xlsx/ooxmlText';

/** How exceljs's reader decodes (upper-case hex only), and how a more lenient reader might. */
const decoders = [/_x([0-9A-F]{4})_/g, /_x([0-9A-Fa-f]{4})_/g].map(
  (pattern) => (text: string) => text.replace(pattern, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
);

describe('OOXML text escapes', () => {
  it('escapes what XML cannot carry and what Excel would decode', () => {
    expect(escapeText('a\u0001b')).toBe('a_x0001_b');
    expect(escapeText('l1\r\nl2\tx')).toBe('l1_x000D_\nl2\tx');
    expect(escapeText('_x0041_')).toBe('_x005F_x0041_');
    expect(escapeText('_x00aa_x0041_')).toBe('_x005F_x00aa_x005F_x0041_');
    expect(escapeText('_xABCD\u0001')).toBe('_x005F_xABCD_x0001_');
    expect(escapeText('\uD800')).toBe('_xD800_');
    expect(escapeText('😀 é & <')).toBe('😀 é & <');
  });

  it('gives back any string exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        for (const decode of decoders) expect(decode(escapeText(text))).toBe(text);
      }),
    );
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('_x0041_', '_x00', '_', 'x', '0041', 'ABCD', '\r', '\u0001', '\uD800', 'a'))
          .map((parts) => parts.join('')),
        (text) => {
          for (const decode of decoders) expect(decode(escapeText(text))).toBe(text);
        },
      ),
    );
  });
});
