import { describe, expect, it } from 'vitest';
import { embedPlainText, embedPoint, stripFingerprint } from './embed';
import { expectedVariant } from './expected-variant';
import { POINTS, recipientKeys, TRANSCRIPT } from './fixture.test-data';
import { readMarks } from './read-marks';
import { SCRIPT_CHOICES } from './script-sites';
import { findTextSites, type FingerprintPoint } from './sites';

const point = (text: string): FingerprintPoint => ({ id: 'x', number: '1', title: '', text });
const choicesIn = (text: string) => findTextSites(point(text)).map((site) => site.choice);

// Each channel: a text holding its sites, the form each site starts in, and both forms.
const CHANNELS = [
  {
    name: 'Cyrillic quotation marks',
    choice: SCRIPT_CHOICES.cyrillicQuotes,
    text: 'Стороны создают миссию «Наблюдатель» вдоль всей линии соприкосновения.',
    forms: [['«Наблюдатель»'], ['„Наблюдатель“']],
  },
  {
    name: 'ё in the vetted words',
    choice: SCRIPT_CHOICES.yo,
    text: 'Миссия ведёт учёт нарушений и ещё до обмена передаёт отчёт сторонам.',
    forms: [
      ['учёт', 'ещё', 'отчёт'],
      ['учет', 'еще', 'отчет'],
    ],
  },
  {
    name: 'the Ukrainian apostrophe',
    choice: SCRIPT_CHOICES.ukrainianApostrophe,
    text: "Колони проходять через п'ять пунктів пропуску під наглядом Організації Об'єднаних Націй.",
    forms: [
      ['п\u02bcять', 'Об\u02bcєднаних'],
      ['п\u2019ять', 'Об\u2019єднаних'],
    ],
  },
  {
    name: 'gershayim',
    choice: SCRIPT_CHOICES.gershayim,
    text: 'כל הצדדים מפסיקים את הלחימה בתוך שלושה ימים, בפיקוח האו"ם וצה"ל.',
    forms: [
      ['האו\u05f4ם', 'צה\u05f4ל'],
      ['האו"ם', 'צה"ל'],
    ],
  },
  {
    name: 'geresh',
    choice: SCRIPT_CHOICES.geresh,
    text: "המשקיפים מגיעים מצ'כיה ומדווחים לשני הצדדים מדי חודש.",
    forms: [['מצ\u05f3כיה'], ["מצ'כיה"]],
  },
  {
    name: 'maqaf',
    choice: SCRIPT_CHOICES.maqaf,
    text: 'כוח רב-לאומי מפקח על האזור המפורז ומדווח לשני הצדדים.',
    forms: [['רב\u05beלאומי'], ['רב-לאומי']],
  },
  {
    name: 'the Arabic comma',
    choice: SCRIPT_CHOICES.arabicComma,
    text: 'تدخل شاحنات الإغاثة يومياً عبر ثلاثة معابر، ولا قيود على الغذاء، والدواء.',
    forms: [
      ['معابر\u060c', 'الغذاء\u060c'],
      ['معابر,', 'الغذاء,'],
    ],
  },
  {
    name: 'Arabic-Indic digits',
    choice: SCRIPT_CHOICES.arabicDigits,
    text: 'تلتزم الأطراف بوقف القتال خلال 72 ساعة وتبادل 300 أسير.',
    forms: [
      [' 72 ', ' 300 '],
      [' \u0667\u0662 ', ' \u0663\u0660\u0660 '],
    ],
  },
  {
    name: 'the Arabic question mark',
    choice: SCRIPT_CHOICES.arabicQuestionMark,
    text: 'من يشرف على المنطقة المنزوعة السلاح؟ قوة متعددة الجنسيات.',
    forms: [['السلاح\u061f'], ['السلاح?']],
  },
] as const;

describe.each(CHANNELS)('the $name channel', ({ choice, text, forms }) => {
  it('finds its sites, one choice for all of them', () => {
    const sites = findTextSites(point(text)).filter((site) => site.choice === choice);
    expect(sites.length).toBeGreaterThanOrEqual(forms[0].length);
  });

  it('gives each copy one form at every site, and both forms among copies', () => {
    const seen = new Set<number>();
    for (const { key } of recipientKeys(12)) {
      const copy = embedPoint(point(text), { key }).text;
      const held = forms.map((words) => words.every((word) => copy.includes(word)));
      expect(held.filter(Boolean), copy).toHaveLength(1);
      seen.add(held.indexOf(true));
    }
    expect([...seen].sort()).toEqual([0, 1]);
  });

  it("reads each copy's form back as that copy's choice, and changes nothing else", () => {
    for (const { key } of recipientKeys(6)) {
      const copy = embedPoint(point(text), { key }).text;
      const marks = readMarks(copy, [point(text)]).filter((mark) => mark.siteId === choice);
      expect(marks.length, copy).toBeGreaterThan(0);
      for (const mark of marks) expect(mark.observed).toEqual([expectedVariant(key, mark)]);
      expect(stripFingerprint(copy)).toBe(stripFingerprint(text));
    }
  });

  it('is not a channel of scheme 1: an old copy is made as it was', () => {
    for (const { key } of recipientKeys(6))
      expect(embedPoint(point(text), { key, scheme: 1 }).text).toBe(text);
  });
});

describe('where the script channels never apply', () => {
  it('leaves Latin text alone: quotes, apostrophes, hyphens, commas and question marks', () => {
    expect(
      choicesIn(`The "UN" mission's long-term role, as "agreed", is reviewed: why? In 2025, "Ukraine".`),
    ).toEqual(['copy:spelling']);
  });

  it('leaves a Hebrew quotation alone, even one opening after a prefix letter', () => {
    expect(choicesIn('הצדדים אומרים "שלום" ו\'כן\' לתוכנית, כפי שנכתב ב"הארץ".')).toEqual([]);
  });

  it('leaves a quotation within a quotation alone', () => {
    expect(choicesIn('Он сказал: «Мы подпишем „Договор о мире“ завтра».')).toEqual([]);
  });

  it('leaves a Latin name in a Cyrillic or Hebrew sentence alone', () => {
    expect(choicesIn("Миссия O'Brien и «UN Watch» работают вместе.")).toEqual([]);
    expect(choicesIn('המשלחת של Jean-Luc ו-"UN" נפגשת מחר.')).toEqual([]);
  });

  it('leaves a decimal, a thousands group, a date and a number in Latin words alone', () => {
    expect(choicesIn('تدخل 1,000 شاحنة و2.5 طن في 2025-12-01 من the 72 hours')).toEqual([]);
    expect(choicesIn('تدخل 1,000 شاحنة خلال 72 ساعة')).toEqual([SCRIPT_CHOICES.arabicDigits]);
  });

  it('varies only the vetted ё words, never всё or a word in capitals', () => {
    expect(choicesIn('Всё решено, все согласны; ЕЩЁ одна встреча. Ещё одна встреча.')).toEqual([
      SCRIPT_CHOICES.yo,
    ]);
  });
});

describe('English copies under scheme 2', () => {
  // Scheme 2 adds channels only in Cyrillic, Hebrew and Arabic text: an English copy made now is
  // the copy scheme 1 made, byte for byte, so its recipients hold what they always held.
  it('are the copies scheme 1 made, byte for byte', () => {
    for (const { key } of recipientKeys(30)) {
      expect(embedPlainText(POINTS, { key })).toBe(embedPlainText(POINTS, { key, scheme: 1 }));
      expect(embedPlainText(TRANSCRIPT, { key })).toBe(embedPlainText(TRANSCRIPT, { key, scheme: 1 }));
    }
  });
});
