import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

/** What webpack's CustomFunctionsMetadataPlugin writes as functions.json, generated the same way. */
describe('functions.json', () => {
  let metadata: { functions: Array<{ id: string; name: string; description: string; parameters: Array<{ name: string; type: string }>; result: { type: string }; options?: { stream?: boolean } }> };

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(join(__dirname, '..', '..', 'src', 'functions', 'functions.ts'));
    expect(generated.errors).toEqual([]);
    metadata = JSON.parse(generated.metadataJson);
  }, 30_000);

  it('declares the four BOBSYNC functions with their parameters', () => {
    expect(metadata.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name), f.result.type, f.options?.stream ?? false])).toEqual([
      ['TVA', 'TVA', ['valeur'], 'string', false],
      ['STATUT', 'STATUT', ['code_bob'], 'string', false],
      ['ENATTENTE', 'ENATTENTE', [], 'number', true],
      ['DERNIERESYNCHRO', 'DERNIERESYNCHRO', [], 'string', true],
    ]);
  });

  it('describes every function for Excel’s formula assistant', () => {
    for (const f of metadata.functions) expect(f.description.length).toBeGreaterThan(20);
  });
});
