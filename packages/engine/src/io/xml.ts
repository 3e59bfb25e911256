/**
 * A tiny XML reader: elements, attributes and text — what GENIUS files use. No namespaces,
 * no DTDs (a DOCTYPE is skipped). Errors are values so a loader can name the file.
 */
export type XmlElement = {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
};

export type XmlResult =
  { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly message: string };

type MutableElement = {
  name: string;
  attributes: Record<string, string>;
  children: MutableElement[];
  text: string;
};

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A character reference XML does not allow (NUL, a surrogate, past U+10FFFF …): the file is malformed. */
class InvalidReference extends Error {
  constructor(
    message: string,
    /** Where the reference begins in the decoded text, for the line it is reported on. */
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Char in the XML 1.0 grammar: what a character reference may name. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, entity: string, offset: number) => {
    // Own entries only: `&constructor;` would otherwise read Object.prototype's function.
    if (!entity.startsWith('#')) return Object.hasOwn(ENTITIES, entity) ? (ENTITIES[entity] ?? whole) : whole;
    const code = entity.startsWith('#x')
      ? Number.parseInt(entity.slice(2), 16)
      : Number.parseInt(entity.slice(1), 10);
    if (!isXmlChar(code))
      throw new InvalidReference(`${whole.slice(0, 40)} names no character XML allows`, offset);
    return String.fromCodePoint(code);
  });
}

function lineAt(source: string, position: number): number {
  let line = 1;
  for (let index = 0; index < position && index < source.length; index++)
    if (source.charCodeAt(index) === 10) line++;
  return line;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;

/** Parses one XML document; the first error found is reported with its line. */
export function parseXml(source: string): XmlResult {
  const progress = { position: 0 };
  try {
    return parseFrom(source, progress);
  } catch (error) {
    if (!(error instanceof InvalidReference)) throw error;
    return {
      ok: false,
      message: `line ${lineAt(source, progress.position + error.offset)}: ${error.message}`,
    };
  }
}

function parseFrom(source: string, progress: { position: number }): XmlResult {
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let position = 0;
  const fail = (message: string, at = position): XmlResult => ({
    ok: false,
    message: `line ${lineAt(source, at)}: ${message}`,
  });
  while (position < source.length) {
    const open = source.indexOf('<', position);
    const textEnd = open === -1 ? source.length : open;
    const text = source.slice(position, textEnd);
    const top = stack[stack.length - 1];
    progress.position = position;
    if (top !== undefined) top.text += decode(text);
    else if (text.trim() !== '') return fail('text outside the root element');
    if (open === -1) break;
    position = open;
    if (source.startsWith('<!--', position)) {
      const end = source.indexOf('-->', position + 4);
      if (end === -1) return fail('unterminated comment');
      position = end + 3;
    } else if (source.startsWith('<![CDATA[', position)) {
      const end = source.indexOf(']]>', position);
      if (end === -1 || top === undefined) return fail('misplaced CDATA section');
      top.text += source.slice(position + 9, end);
      position = end + 3;
    } else if (source.startsWith('<?', position) || source.startsWith('<!', position)) {
      const end = source.indexOf('>', position);
      if (end === -1) return fail('unterminated declaration');
      position = end + 1;
    } else if (source.startsWith('</', position)) {
      const end = source.indexOf('>', position);
      const name = source.slice(position + 2, end === -1 ? undefined : end).trim();
      if (end === -1) return fail(`unterminated closing tag </${name}`);
      const element = stack.pop();
      if (element === undefined || element.name !== name) {
        return fail(
          element === undefined ? `unexpected </${name}>` : `<${element.name}> closed by </${name}>`,
        );
      }
      position = end + 1;
    } else {
      const nameMatch = /^<([^\s/>]+)/.exec(source.slice(position, position + 200));
      if (nameMatch?.[1] === undefined) return fail('malformed tag');
      const element: MutableElement = { name: nameMatch[1], attributes: {}, children: [], text: '' };
      position += nameMatch[0].length;
      for (;;) {
        while (/\s/.test(source[position] ?? '')) position++;
        const char = source[position];
        if (char === undefined) return fail(`unterminated tag <${element.name}>`);
        if (char === '>' || source.startsWith('/>', position)) break;
        ATTRIBUTE.lastIndex = position;
        const attribute = ATTRIBUTE.exec(source);
        if (attribute === null || attribute[1] === undefined)
          return fail(`malformed attribute in <${element.name}>`);
        progress.position = position;
        element.attributes[attribute[1]] = decode(attribute[3] ?? attribute[4] ?? '');
        position = ATTRIBUTE.lastIndex;
      }
      const selfClosing = source[position] === '/';
      position += selfClosing ? 2 : 1;
      if (top !== undefined) top.children.push(element);
      else if (root === undefined) root = element;
      else return fail('more than one root element');
      if (!selfClosing) stack.push(element);
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed !== undefined) return fail(`<${unclosed.name}> is never closed`, source.length);
  if (root === undefined) return { ok: false, message: 'no root element' };
  return { ok: true, root };
}

/** Direct children with a given element name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
