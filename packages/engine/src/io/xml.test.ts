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
