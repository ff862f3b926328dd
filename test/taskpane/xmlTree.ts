/**
 * A strict reader of the XML the manifest test needs: elements, attributes, text, comments and
 * the declaration. It refuses what is not well-formed (unclosed or crossed tags, unquoted or
 * repeated attributes, unknown entities, stray `<` or `&`), so that the test fails on them.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const decode = (raw: string, where: number): string =>
  raw.replace(/&([^;\s]*);?/g, (all, entity: string) => {
    if (!all.endsWith(';')) throw new Error(`a bare & near offset ${where}`);
    if (entity in ENTITIES) return ENTITIES[entity];
    const code = /^#x([0-9a-f]+)$/i.exec(entity) ?? /^#(\d+)$/.exec(entity);
    if (!code) throw new Error(`unknown entity &${entity}; near offset ${where}`);
    return String.fromCodePoint(parseInt(code[1], entity.startsWith('#x') ? 16 : 10));
  });

export const parseXml = (xml: string): XmlElement => {
  let at = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${at}`);
  };
  while (at < xml.length) {
    if (xml.startsWith('<?', at)) {
      const end = xml.indexOf('?>', at);
      if (end < 0) fail('unclosed declaration');
      at = end + 2;
    } else if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at);
      if (end < 0) fail('unclosed comment');
      at = end + 3;
    } else if (xml.startsWith('</', at)) {
      const end = xml.indexOf('>', at);
      const name = xml.slice(at + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      at = end + 1;
    } else if (xml[at] === '<') {
      const nameMatch = NAME.exec(xml.slice(at + 1));
      if (!nameMatch) fail('a < that opens no element');
      const element: XmlElement = { name: nameMatch![0], attributes: {}, children: [], text: '' };
      at += 1 + element.name.length;
      for (;;) {
        const rest = xml.slice(at);
        const space = /^\s*/.exec(rest)![0].length;
        at += space;
        if (xml.startsWith('/>', at) || xml[at] === '>') break;
        if (space === 0) fail('attributes must be separated by spaces');
        const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(at));
        if (!attr) fail(`malformed attribute in <${element.name}>`);
        if (attr![1] in element.attributes) fail(`attribute ${attr![1]} repeated in <${element.name}>`);
        element.attributes[attr![1]] = decode(attr![3] ?? attr![4], at);
        at += attr![0].length;
      }
      const selfClosing = xml.startsWith('/>', at);
      at += selfClosing ? 2 : 1;
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else if (root) fail('a second root element');
      else root = element;
      if (!selfClosing) stack.push(element);
    } else {
      const end = xml.indexOf('<', at);
      const text = xml.slice(at, end < 0 ? xml.length : end);
      if (stack.length === 0 && text.trim() !== '') fail('text outside the root element');
      if (stack.length > 0) stack[stack.length - 1].text += decode(text, at);
      at = end < 0 ? xml.length : end;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
};

/** Every element under `root` (itself included), depth first. */
export const allElements = (root: XmlElement): XmlElement[] => [root, ...root.children.flatMap(allElements)];
