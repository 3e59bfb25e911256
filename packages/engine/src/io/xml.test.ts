import { expect, test } from 'vitest';
import { parseXml } from './xml';

test('reads elements, attributes in either quote, entities, text, comments and CDATA', () => {
  const result = parseXml(
    `<?xml version="1.0"?><!-- c --><a x="1" y='two &amp; &#51;'><b>hi &lt;there&gt;</b><c/><![CDATA[<raw>]]></a>`,
  );
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.root.attributes).toEqual({ x: '1', y: 'two & 3' });
  expect(result.root.children.map((child) => child.name)).toEqual(['b', 'c']);
  expect(result.root.children[0]?.text).toBe('hi <there>');
  expect(result.root.text).toBe('<raw>');
});

test.each([
  ['<a><b></a>', /<b> closed by <\/a>/],
  ['<a>', /<a> is never closed/],
  ['<a></a><b/>', /more than one root/],
  ['<a x=1/>', /malformed attribute/],
  ['', /no root element/],
])('rejects %s with a line-numbered reason', (source, reason) => {
  const result = parseXml(source);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.message).toMatch(reason);
});

test.each([
  ['<a v="&#x110000;"/>', 1],
  ['<a>\n&#99999999999;</a>', 2],
  ['<a>&#0;</a>', 1],
  ['<a v="&#xD800;"/>', 1],
])('rejects a character reference to no allowed character, %s, as malformed on its line', (source, line) => {
  const result = parseXml(source);
  expect(result).toEqual({
    ok: false,
    message: expect.stringMatching(new RegExp(`^line ${line}: .*names no character`)),
  });
});

test('reads character references to every kind of allowed character', () => {
  const result = parseXml('<a v="&#x9;&#x1F600;&#xFFFD;">&#65;&#x10FFFF;</a>');
  expect(result.ok && [result.root.attributes['v'], result.root.text]).toEqual(['\t😀\uFFFD', 'A\u{10FFFF}']);
});

// A hostile GENIUS file named an issue "&constructor;": the entity table's prototype answered, and
// the name became "function Object() { [native code] }". An unknown entity is left as written.
test('leaves an entity named like an object property as written', () => {
  const result = parseXml('<a v="&constructor; &toString;">&valueOf; &hasOwnProperty;</a>');
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.root.attributes.v).toBe('&constructor; &toString;');
  expect(result.root.text).toBe('&valueOf; &hasOwnProperty;');
});
