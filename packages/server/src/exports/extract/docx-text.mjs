// A DOCX's text, as its words (leak tracing) or as the Markdown the plan parser reads (issue 11,
// item 3). Word keeps what makes a plan a plan outside the text: list numbers in numbering.xml,
// headings as paragraph styles, titles as bold runs. Read as words alone an automatically numbered
// list has no numbers and every topic heading runs into the clause before it. Plain JavaScript:
// it runs in the extract worker, untranspiled.
import { Refusal } from './refusal.mjs';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character and entity references as text. */
export function decodeXml(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name] ?? whole;
  });
}

/** Each tag (name, attributes, closing, self-closing) or text between tags, within a depth limit. */
function* xmlTokens(xml, limits) {
  let depth = 0;
  for (const match of xml.matchAll(/<(\/?)([\w:.-]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, name, attributeText, selfClosing, text] = match;
    if (text !== undefined) {
      yield { text };
      continue;
    }
    if (name.startsWith('?') || name.startsWith('!')) continue;
    const tag = { name, closing: closing === '/', selfClosing: selfClosing === '/', attributeText };
    if (!tag.closing && !tag.selfClosing && ++depth > limits.maxXmlDepth)
      throw new Refusal(`nests XML deeper than ${limits.maxXmlDepth} levels`);
    if (tag.closing) depth--;
    yield tag;
  }
}

/**
 * The text of word/document.xml as its words: one paragraph per `w:p`, text runs (`w:t`) and
 * inserted text as it reads, deleted text (`w:delText`) left out, as Word shows a redline with
 * changes accepted. What leak tracing reads: no Markdown is added.
 */
export function documentText(xml, limits) {
  const paragraphs = [];
  let current = '';
  let inText = false;
  for (const token of xmlTokens(xml, limits)) {
    if (token.text !== undefined) {
      if (inText) current += decodeXml(token.text);
    } else if (token.closing) {
      if (token.name === 'w:t') inText = false;
      if (token.name === 'w:p') {
        paragraphs.push(current);
        current = '';
      }
    } else if (token.selfClosing) {
      if (token.name === 'w:tab') current += '\t';
      if (token.name === 'w:br' || token.name === 'w:cr') current += '\n';
    } else if (token.name === 'w:t') inText = true;
  }
  return paragraphs.join('\n\n');
}

const attribute = (tag, name) =>
  new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}="([^"]*)"`).exec(tag.attributeText)?.[1];

/** `w:b`, `w:b w:val="1"` or `"true"` turn bold on; `"0"`, `"false"` or `"none"` turn it off. */
const isOn = (tag) => !['0', 'false', 'off', 'none'].includes(attribute(tag, 'w:val') ?? 'true');

/** Paragraph styles by id: whether a style is a heading (and its level), and its list if it has one. */
function readStyles(xml, limits) {
  const styles = new Map();
  let current;
  for (const tag of xmlTokens(xml ?? '', limits)) {
    if (tag.text !== undefined) continue;
    if (tag.name === 'w:style' && !tag.closing) {
      current = { id: attribute(tag, 'w:styleId') ?? '', heading: undefined, numId: undefined, ilvl: 0 };
      if (!tag.selfClosing) styles.set(current.id, current);
    } else if (tag.name === 'w:style' && tag.closing) current = undefined;
    else if (current !== undefined && tag.name === 'w:name') {
      // The built-in names are English whatever the document's language ("heading 1", "Title").
      const name = (attribute(tag, 'w:val') ?? '').toLowerCase();
      const level = /^heading (\d)$/.exec(name)?.[1];
      if (level !== undefined) current.heading = Number(level);
      if (name === 'title') current.heading = 0;
    } else if (current !== undefined && tag.name === 'w:numId') current.numId = attribute(tag, 'w:val');
    else if (current !== undefined && tag.name === 'w:ilvl')
      current.ilvl = Number(attribute(tag, 'w:val') ?? 0);
  }
  return styles;
}

/** Lists: each w:num's abstract list, its restarts, and each level's format, start and label text. */
function readNumbering(xml, limits) {
  const abstracts = new Map();
  const nums = new Map();
  let abstract;
  let level;
  let num;
  let override;
  for (const tag of xmlTokens(xml ?? '', limits)) {
    if (tag.text !== undefined || tag.closing) {
      if (tag.name === 'w:abstractNum') abstract = undefined;
      if (tag.name === 'w:num') num = undefined;
      if (tag.name === 'w:lvl') level = undefined;
      continue;
    }
    const value = attribute(tag, 'w:val');
    if (tag.name === 'w:abstractNum') {
      abstract = new Map();
      abstracts.set(attribute(tag, 'w:abstractNumId'), abstract);
    } else if (tag.name === 'w:num') {
      num = { abstractId: undefined, starts: new Map() };
      nums.set(attribute(tag, 'w:numId'), num);
    } else if (tag.name === 'w:abstractNumId' && num !== undefined) num.abstractId = value;
    else if (tag.name === 'w:lvlOverride' && num !== undefined)
      override = Number(attribute(tag, 'w:ilvl') ?? 0);
    else if (tag.name === 'w:startOverride' && num !== undefined)
      num.starts.set(override, Number(value ?? 1));
    else if (tag.name === 'w:lvl' && abstract !== undefined) {
      level = { format: 'decimal', start: 1, text: `%${Number(attribute(tag, 'w:ilvl') ?? 0) + 1}.` };
      abstract.set(Number(attribute(tag, 'w:ilvl') ?? 0), level);
    } else if (level !== undefined && tag.name === 'w:numFmt') level.format = value ?? 'decimal';
    else if (level !== undefined && tag.name === 'w:start') level.start = Number(value ?? 1);
    else if (level !== undefined && tag.name === 'w:lvlText') level.text = decodeXml(value ?? '');
  }
  return { abstracts, nums };
}

/** The paragraphs of word/document.xml: text runs (deleted text left out), bold runs, style, list. */
function readParagraphs(xml, limits) {
  const paragraphs = [];
  let paragraph;
  let run;
  let inRunProperties = false;
  let inText = false;
  for (const tag of xmlTokens(xml, limits)) {
    if (tag.text !== undefined) {
      if (inText && run !== undefined) run.text += decodeXml(tag.text);
      continue;
    }
    const { name } = tag;
    if (tag.closing) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:rPr') inRunProperties = false;
      else if (name === 'w:r' && run !== undefined) {
        paragraph?.runs.push(run);
        run = undefined;
      } else if (name === 'w:p' && paragraph !== undefined) {
        paragraphs.push(paragraph);
        paragraph = undefined;
      }
      continue;
    }
    if (name === 'w:p') {
      paragraph = { style: undefined, numId: undefined, ilvl: undefined, runs: [] };
      if (tag.selfClosing) {
        paragraphs.push(paragraph);
        paragraph = undefined;
      }
    } else if (paragraph === undefined) continue;
    else if (name === 'w:r' && !tag.selfClosing) run = { text: '', bold: false };
    else if (run === undefined) {
      if (name === 'w:pStyle') paragraph.style = attribute(tag, 'w:val');
      else if (name === 'w:numId') paragraph.numId = attribute(tag, 'w:val');
      else if (name === 'w:ilvl') paragraph.ilvl = Number(attribute(tag, 'w:val') ?? 0);
    } else if (name === 'w:rPr') inRunProperties = !tag.selfClosing;
    else if (inRunProperties && name === 'w:b') run.bold = isOn(tag);
    else if (name === 'w:t' && !tag.selfClosing) inText = true;
    else if (name === 'w:tab') run.text += '\t';
    else if (name === 'w:br' || name === 'w:cr') run.text += '\n';
  }
  return paragraphs;
}

const ROMAN = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];
const LARGEST_LIST_VALUE = 32767;

// The alphabets Word letters a list with: after the last letter it starts again, doubled (aa, bb).
const ALPHABETS = {
  lowerLetter: [...'abcdefghijklmnopqrstuvwxyz'],
  upperLetter: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
  russianLower: [...'абвгдежзиклмнопрстуфхцчшщэюя'],
  russianUpper: [...'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ'],
  arabicAlpha: [...'أبتثجحخدذرزسشصضطظعغفقكلمنهوي'],
  arabicAbjad: [...'أبجدهوزحطيكلمنسعفصقرشتثخذضظغ'],
  hebrew2: [...'אבגדהוזחטיכלמנסעפצקרשת'],
};

/** Hebrew numerals (Word's "hebrew1"): letters that add up, 15 and 16 written ט״ו-wise as טו, טז. */
function hebrewNumeral(value) {
  const ones = ['', 'א', 'ב', 'ג', 'ד', 'ה', 'ו', 'ז', 'ח', 'ט'];
  const tens = ['', 'י', 'כ', 'ל', 'מ', 'נ', 'ס', 'ע', 'פ', 'צ'];
  const hundreds = ['', 'ק', 'ר', 'ש', 'ת'];
  let rest = value % 1000;
  let text = 'ת'.repeat(Math.floor(rest / 400));
  rest %= 400;
  text += hundreds[Math.floor(rest / 100)];
  rest %= 100;
  if (rest === 15 || rest === 16) return `${text}ט${ones[rest - 9]}`;
  return text + tens[Math.floor(rest / 10)] + ones[rest % 10];
}

function formatNumber(value, format) {
  // Word's "hindiNumbers" is how an Arabic document numbers: ١، ٢، ٣ (the parser reads them too).
  if (format === 'hindiNumbers')
    return String(value).replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
  if (format === 'decimalZero') return String(value).padStart(2, '0');
  // Word counts a list from 0 to 32767. A file's own start outside that (negative, NaN, 10⁸) is
  // shown as digits: as letters it threw, and a ten-million-letter label filled the worker's memory.
  if (!Number.isSafeInteger(value) || value < 1 || value > LARGEST_LIST_VALUE) return String(value);
  // Lettered items (a), أ), а), א)) are a point's sub-items: written as letters, the parser keeps
  // them inside their point, where digits would have made each one a point of its own. (Own keys
  // only: a format named "constructor" is no alphabet.)
  const alphabet = Object.hasOwn(ALPHABETS, format) ? ALPHABETS[format] : undefined;
  if (alphabet !== undefined)
    return alphabet[(value - 1) % alphabet.length].repeat(Math.floor((value - 1) / alphabet.length) + 1);
  if (format === 'hebrew1') return hebrewNumeral(value);
  if (format === 'lowerRoman' || format === 'upperRoman') {
    let rest = value;
    let roman = '';
    for (const [amount, digits] of ROMAN)
      while (rest >= amount) {
        roman += digits;
        rest -= amount;
      }
    return format === 'upperRoman' ? roman.toUpperCase() : roman;
  }
  return String(value);
}

/**
 * Word's list counters: one per abstract list and level (lists that share one continue each other),
 * restarted where a w:num says so the first time it is used, deeper levels reset by a shallower item.
 */
function listLabeller({ abstracts, nums }) {
  const counters = new Map();
  const seen = new Set();
  return (numId, ilvl) => {
    const num = nums.get(numId);
    const levels = num === undefined ? undefined : abstracts.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (num === undefined || levels === undefined || level === undefined || numId === '0') return undefined;
    const key = (depth) => `${num.abstractId}/${depth}`;
    if (!seen.has(`${numId}/${ilvl}`)) {
      seen.add(`${numId}/${ilvl}`);
      if (num.starts.has(ilvl)) counters.set(key(ilvl), num.starts.get(ilvl) - 1);
    }
    const value = (counters.get(key(ilvl)) ?? level.start - 1) + 1;
    counters.set(key(ilvl), value);
    for (const depth of levels.keys()) if (depth > ilvl) counters.delete(key(depth));
    if (level.format === 'bullet' || level.format === 'none') return { label: '-', ilvl };
    const label = level.text.replace(/%(\d)/g, (_, which) => {
      const depth = Number(which) - 1;
      const shown = depth === ilvl ? value : (counters.get(key(depth)) ?? levels.get(depth)?.start ?? 1);
      return formatNumber(shown, levels.get(depth)?.format ?? 'decimal');
    });
    return { label, ilvl };
  };
}

/** A paragraph's text, its leading bold words as a Markdown title (`**Ceasefire.** All …`). */
function withBoldLead(runs) {
  const text = runs.map((run) => run.text).join('');
  let lead = '';
  for (const run of runs) {
    if (!run.bold && run.text.trim() !== '') break;
    lead += run.text;
  }
  const trimmed = lead.trim();
  if (trimmed === '' || trimmed === text.trim()) return { text, allBold: trimmed !== '' };
  return { text: `**${trimmed}** ${text.slice(lead.length).trimStart()}`, allBold: false };
}

/**
 * The plan's Markdown: headings as `#`-headings (a topic), automatically numbered items with their
 * numbers as Word shows them, deeper list levels indented inside their point, leading bold words
 * as the point's title, a paragraph in bold only as a topic line.
 */
export function docxPlanMarkdown({ document, styles, numbering }, limits) {
  const styleOf = readStyles(styles, limits);
  const label = listLabeller(readNumbering(numbering, limits));
  const lines = [];
  for (const paragraph of readParagraphs(document, limits)) {
    const style = styleOf.get(paragraph.style ?? '');
    const { text, allBold } = withBoldLead(paragraph.runs);
    if (text.trim() === '') continue;
    if (style?.heading !== undefined) {
      lines.push(`${'#'.repeat(Math.min(6, style.heading + 1))} ${text.trim()}`);
      continue;
    }
    const numId = paragraph.numId ?? style?.numId;
    const item = numId === undefined ? undefined : label(numId, paragraph.ilvl ?? style?.ilvl ?? 0);
    const plain = paragraph.runs
      .map((run) => run.text)
      .join('')
      .trim();
    if (item === undefined) lines.push(allBold ? `**${plain}**` : text);
    // Only a point's own leading words are its title; inside a point, bold is emphasis.
    else if (item.ilvl > 0) lines.push(`${'   '.repeat(item.ilvl)}${item.label} ${plain}`);
    else lines.push(`${item.label} ${text.trim()}`);
  }
  return lines.join('\n\n');
}
