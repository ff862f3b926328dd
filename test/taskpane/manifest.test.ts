/**
 * The manifest, checked offline (office-addin-manifest's validation calls a Microsoft web
 * service): well-formed, every resource id defined once and used, URLs on the add-in's origin
 * and served by the build, the requirement sets the add-in relies on.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allElements, parseXml, type XmlElement } from './xmlTree';

const ROOT = join(__dirname, '..', '..');
const FILE = join(ROOT, 'manifest.xml');
const xml = readFileSync(FILE, 'utf8');
const root = parseXml(xml);
const elements = allElements(root);
const named = (name: string): XmlElement[] => elements.filter((e) => e.name === name || e.name.endsWith(`:${name}`));
const one = (name: string): XmlElement => {
  const found = named(name);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('manifest.xml', () => {
  it('is a well-formed task pane add-in for Excel workbooks', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(one('Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one('Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(named('Host').map((h) => h.attributes.Name ?? h.attributes['xsi:type'])).toEqual(['Workbook', 'Workbook']);
    // Microsoft's own reader agrees. It loads ES modules that jest cannot, so it runs in Node.
    const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(${JSON.stringify(FILE)}).then((i) => process.stdout.write(JSON.stringify(i)))`;
    const info = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as { id: string; hosts: string[]; defaultSettings?: { sourceLocation?: string } };
    expect(info.id).toBe(one('Id').text);
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3001/taskpane.html');
  });

  it('keeps its top-level elements in the order the schema demands', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    expect(root.children.map((c) => c.name)).toEqual(order);
  });

  it('defines every resource id once and uses every one it defines', () => {
    const resources = [...named('Image'), ...named('Url'), ...named('String')].filter((e) => e.attributes.id);
    const ids = resources.map((e) => e.attributes.id);
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set(elements.map((e) => e.attributes.resid).filter(Boolean));
    expect([...used].sort()).toEqual([...ids].sort());
    for (const e of resources) expect(e.attributes.DefaultValue).toBeTruthy();
  });

  it('shares one runtime between the pane and the functions, opened by a ribbon button', () => {
    expect(one('Runtime').attributes).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    const functions = named('ExtensionPoint').find((e) => e.attributes['xsi:type'] === 'CustomFunctions')!;
    const page = allElements(functions).find((e) => e.name === 'Page')!;
    expect(allElements(page).find((e) => e.name === 'SourceLocation')!.attributes.resid).toBe('Taskpane.Url');
    expect(one('FunctionFile').attributes.resid).toBe('Taskpane.Url');
    const namespace = named('String').find((e) => e.attributes.id === 'Functions.Namespace')!;
    expect(namespace.attributes.DefaultValue).toBe('BOBSYNC');
    const action = one('Action');
    expect(action.attributes['xsi:type']).toBe('ShowTaskpane');
    expect(allElements(action).find((e) => e.name === 'SourceLocation')!.attributes.resid).toBe('Taskpane.Url');
  });

  it('needs ExcelApi 1.9 and the shared runtime, nothing newer', () => {
    expect(named('Set').map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([
      ['ExcelApi', '1.9'],
      ['SharedRuntime', '1.1'],
    ]);
  });

  it('points every URL at the add-in origin, at the pages, scripts and icons the build writes', () => {
    const urls = elements.map((e) => e.attributes.DefaultValue).filter((v): v is string => v !== undefined && /^https?:/.test(v));
    for (const url of urls) expect(new URL(url).origin).toBe('https://localhost:3001');
    const paths = new Set(urls.map((u) => new URL(u).pathname));
    expect(paths).toEqual(new Set(['/taskpane.html', '/functions.js', '/functions.json', '/assets/icon-16.png', '/assets/icon-32.png', '/assets/icon-64.png', '/assets/icon-80.png']));
    for (const path of paths) {
      if (path.startsWith('/assets/')) expect(existsSync(join(ROOT, 'src', 'taskpane', path))).toBe(true);
    }
    // The build's names for the others: an entry `functions`, the metadata plugin's output, the pane's page.
    const webpack = readFileSync(join(ROOT, 'webpack.config.js'), 'utf8');
    expect(webpack).toContain("functions: './src/functions/functions.ts'");
    expect(webpack).toContain("output: 'functions.json'");
    expect(webpack).toContain("filename: 'taskpane.html'");
  });
});

describe('the XML reader of this test', () => {
  it('refuses what is not well-formed', () => {
    for (const bad of ['<a><b></a></b>', '<a x=1/>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a>AT&T</a>', '<a/><b/>', '<a>', 'text<a/>']) {
      expect(() => parseXml(bad)).toThrow();
    }
    expect(parseXml('<?xml version="1.0"?><!-- c --><a k="&lt;&#233;">x&amp;y</a>')).toEqual({ name: 'a', attributes: { k: '<é' }, children: [], text: 'x&y' });
  });
});
