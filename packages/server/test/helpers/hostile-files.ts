import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

/** A zip (what a DOCX is) of stored-as-deflate entries, with honest sizes and CRCs. */
export function zipOf(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const compressed = deflateRawSync(content, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(content), 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(content.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A DOCX of a few hundred KB whose document.xml expands to about `megabytes` MB of text. */
export function zipBombDocx(megabytes: number): Buffer {
  const body = Buffer.alloc(megabytes * 1024 * 1024, 'A');
  const xml = Buffer.concat([
    Buffer.from(`<w:document ${W}><w:body><w:p><w:r><w:t>`),
    body,
    Buffer.from('</w:t></w:r></w:p></w:body></w:document>'),
  ]);
  return zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': xml });
}

/** A small DOCX whose document.xml nests `depth` elements. */
export function deepDocx(depth: number): Buffer {
  const xml = `<w:document ${W}><w:body>${'<w:sdt>'.repeat(depth)}<w:p><w:r><w:t>deep</w:t></w:r></w:p>${'</w:sdt>'.repeat(depth)}</w:body></w:document>`;
  return zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': Buffer.from(xml) });
}

/** A one-page PDF of about 100 KB whose content stream expands to `megabytes` MB of drawing operators. */
export function heavyPdf(megabytes: number): Buffer {
  const operators = Buffer.alloc(megabytes * 1024 * 1024, '0 0 m 1 1 l S\n');
  const stream = deflateSync(operators, { level: 9 });
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: Buffer | string) => {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    parts.push(bytes);
    length += bytes.length;
  };
  push('%PDF-1.4\n');
  const object = (number: number, body: Buffer | string) => {
    offsets[number] = length;
    push(`${number} 0 obj\n`);
    push(body);
    push('\nendobj\n');
  };
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>');
  object(
    4,
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      stream,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  );
  const xref = length;
  push(`xref\n0 5\n0000000000 65535 f \n`);
  for (let number = 1; number <= 4; number++) push(`${String(offsets[number]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}
