import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEMS, MAX_PLAN_POINTS, parsePlanText, type ParsedPlan } from './parse-plan-text';

function parsed(text: string): ParsedPlan {
  const result = parsePlanText(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
}

function problems(text: string): string[] {
  const result = parsePlanText(text);
  if (result.ok) throw new Error('expected the text to be rejected');
  return result.problems.map((p) => p.message);
}

describe('parsePlanText — accepted shapes', () => {
  it('reads a Markdown plan with a title, topic headings and "N." points', () => {
    const plan = parsed(`# Framework for a settlement

## Ceasefire and lines of contact
1. **Ceasefire.** All hostilities stop along the current line of contact.
2. **Monitoring** — An international mission monitors the ceasefire.

## Territory
3. The status of contested areas is left to a later stage.
`);
    expect(plan.title).toBe('Framework for a settlement');
    expect(plan.points).toEqual([
      {
        number: 1,
        title: 'Ceasefire',
        text: 'All hostilities stop along the current line of contact.',
        topic: 'Ceasefire and lines of contact',
        line: 4,
      },
      {
        number: 2,
        title: 'Monitoring',
        text: 'An international mission monitors the ceasefire.',
        topic: 'Ceasefire and lines of contact',
        line: 5,
      },
      {
        number: 3,
        title: '',
        text: 'The status of contested areas is left to a later stage.',
        topic: 'Territory',
        line: 8,
      },
    ]);
  });

  it('reads plain "Point N —" text pasted from a document, joining wrapped lines', () => {
    const plan = parsed(`DRAFT FRAMEWORK
Prepared for discussion only.

Point 1 — Sovereignty of the parties is confirmed
and recorded in the final act.
Point 2 — A non-aggression agreement is concluded
between the parties.`);
    expect(plan.preamble).toBe('Prepared for discussion only.');
    expect(plan.points.map((p) => [p.number, p.title, p.text])).toEqual([
      [1, '', 'Sovereignty of the parties is confirmed and recorded in the final act.'],
      [2, '', 'A non-aggression agreement is concluded between the parties.'],
    ]);
    expect(plan.points[0]?.topic).toBe('Draft framework');
  });

  it('reads "12)" and "(3)" markers and keeps paragraph breaks', () => {
    const plan = parsed('1) First text.\n\nSecond paragraph of the first point.\n2) Next.\n(3) Third.');
    expect(plan.points.map((p) => p.text)).toEqual([
      'First text.\n\nSecond paragraph of the first point.',
      'Next.',
      'Third.',
    ]);
  });

  it('takes a short first line as the title when the text follows on the next lines', () => {
    const plan = parsed(
      '1. Prisoner exchange\n   All prisoners are exchanged on an all-for-all basis.\n2. Elections\n   Elections are held within 100 days.',
    );
    expect(plan.points.map((p) => [p.title, p.text])).toEqual([
      ['Prisoner exchange', 'All prisoners are exchanged on an all-for-all basis.'],
      ['Elections', 'Elections are held within 100 days.'],
    ]);
  });

  it('reads numbered Markdown headings as points with their body', () => {
    const plan = parsed(
      '### 1. Reconstruction fund\nFrozen assets are invested in reconstruction.\n\n### 2. Energy\nThe plant restarts under supervision.',
    );
    expect(plan.points.map((p) => [p.number, p.title, p.text])).toEqual([
      [1, 'Reconstruction fund', 'Frozen assets are invested in reconstruction.'],
      [2, 'Energy', 'The plant restarts under supervision.'],
    ]);
  });

  it('keeps nested lists, lettered sub-items and "1.1" clauses inside their point', () => {
    const plan = parsed(
      '1. Security guarantees:\n   1. a mutual commitment\n   2. a review after ten years\n   a) subject to ratification\n   1.1 details follow\n2. Next point.',
    );
    expect(plan.points).toHaveLength(2);
    expect(plan.points[0]?.text).toContain('1. a mutual commitment');
    expect(plan.points[0]?.text).toContain('a) subject to ratification');
    expect(plan.points[0]?.text).toContain('1.1 details follow');
  });

  it('accepts bold markers, bullets before numbers, CRLF line ends, a BOM and non-breaking spaces', () => {
    const plan = parsed(
      '\uFEFF**1.** Text one.\r\n- 2. Text\u00A0two.\r\n**3. Title three.** Text three.\r\n',
    );
    expect(plan.points.map((p) => [p.title, p.text])).toEqual([
      ['', 'Text one.'],
      ['', 'Text two.'],
      ['Title three', 'Text three.'],
    ]);
  });

  it('reads "Article N:" and "Title: text" forms', () => {
    const plan = parsed(
      'Article 1: Sanctions: Sanctions are lifted in stages.\nArticle 2. Amnesty for all parties.',
    );
    expect(plan.points.map((p) => [p.title, p.text])).toEqual([
      ['Sanctions', 'Sanctions are lifted in stages.'],
      ['', 'Amnesty for all parties.'],
    ]);
  });

  it('reads points numbered in Arabic-script digits, keeping the text as written', () => {
    const plan = parsed(
      [
        '# خطة السلام',
        '١. وقف إطلاق النار — يبدأ وقف إطلاق النار خلال ٧٢ ساعة.',
        '٢- تبادل الأسرى: يتم تبادل جميع الأسرى.',
        '۳) الانتخابات تجرى بعد ١٠٠ يوم.',
        'المادة ٤: تُرفع العقوبات على مراحل.',
      ].join('\n'),
    );
    expect(plan.title).toBe('خطة السلام');
    expect(plan.points.map((p) => [p.number, p.title, p.text])).toEqual([
      [1, 'وقف إطلاق النار', 'يبدأ وقف إطلاق النار خلال ٧٢ ساعة.'],
      [2, 'تبادل الأسرى', 'يتم تبادل جميع الأسرى.'],
      [3, '', 'الانتخابات تجرى بعد ١٠٠ يوم.'],
      [4, '', 'تُرفع العقوبات على مراحل.'],
    ]);
  });

  it('reads points labelled in Russian, Ukrainian and Hebrew', () => {
    const russian = parsed('Пункт 1. Прекращение огня.\nПункт 2. Обмен пленными.');
    expect(russian.points.map((p) => [p.number, p.text])).toEqual([
      [1, 'Прекращение огня.'],
      [2, 'Обмен пленными.'],
    ]);
    const ukrainian = parsed('Стаття 1: Суверенітет України підтверджується.');
    expect(ukrainian.points.map((p) => [p.number, p.text])).toEqual([
      [1, 'Суверенітет України підтверджується.'],
    ]);
    const hebrew = parsed('סעיף 1: הפסקת אש.\nסעיף 2: חילופי שבויים.');
    expect(hebrew.points.map((p) => [p.number, p.text])).toEqual([
      [1, 'הפסקת אש.'],
      [2, 'חילופי שבויים.'],
    ]);
  });

  it('reads a hyphen after a number as a marker only after Arabic-script digits', () => {
    const plan = parsed('1. Monitors are deployed along the line:\n100 - 200 in the first month.\n2. Done.');
    expect(plan.points.map((p) => p.number)).toEqual([1, 2]);
    expect(plan.points[0]?.text).toBe('100 - 200 in the first month.');
    const arabic = parsed('١- وقف إطلاق النار.\n٢ - تبادل الأسرى.');
    expect(arabic.points.map((p) => [p.number, p.text])).toEqual([
      [1, 'وقف إطلاق النار.'],
      [2, 'تبادل الأسرى.'],
    ]);
  });

  it('reads a typed hyphen as the title dash only when a sentence follows it', () => {
    const plan = parsed(
      [
        '1. Sovereignty - The sovereignty of Ukraine is confirmed.',
        '2. The parties - including Europe - agree to a dialogue.',
        '3. Elections - 100 days after signature.',
        '4. Non-aggression - Russia and Ukraine undertake not to attack.',
        '5. Troops are limited to 600,000 - a ceiling both sides accept.',
      ].join('\n'),
    );
    expect(plan.points.map((p) => [p.title, p.text])).toEqual([
      ['Sovereignty', 'The sovereignty of Ukraine is confirmed.'],
      ['', 'The parties - including Europe - agree to a dialogue.'],
      ['Elections', '100 days after signature.'],
      ['Non-aggression', 'Russia and Ukraine undertake not to attack.'],
      ['', 'Troops are limited to 600,000 - a ceiling both sides accept.'],
    ]);
  });

  it('uses bold-only lines and capitals as topics, and several level-1 headings as topics', () => {
    const plan = parsed(
      '# Territory\n1. One.\n# Elections\n**Timing**\n2. Two.\nSANCTIONS AND ECONOMY\n3. Three.',
    );
    expect(plan.title).toBeNull();
    expect(plan.points.map((p) => p.topic)).toEqual(['Territory', 'Timing', 'Sanctions and economy']);
  });

  it('does not split a point on a number inside a sentence', () => {
    const plan = parsed(
      '1. Forces are capped at 600,000 personnel. Within 100 days 2 reviews\nare held.\n2. Done.',
    );
    expect(plan.points).toHaveLength(2);
    expect(plan.points[0]?.text).toBe(
      'Forces are capped at 600,000 personnel. Within 100 days 2 reviews are held.',
    );
  });

  it('reads a 28-point plan of one-line points', () => {
    const text = Array.from({ length: 28 }, (_, i) => `${i + 1}. Point text number ${i + 1}.`).join('\n');
    expect(parsed(text).points.map((p) => p.number)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
  });
});

describe('parsePlanText — malformed input', () => {
  it('says so when there is no numbered point at all', () => {
    expect(problems('Just a paragraph of prose.\nAnd another.')).toEqual([
      'line 1: no numbered points found (expected lines such as "1. …", "12) …" or "Point 2 — …")',
    ]);
    expect(problems('')).toHaveLength(1);
  });

  it('names the line and the missing number when a point is skipped', () => {
    expect(problems('1. a.\n2. b.\n4. d.')).toEqual(['line 3: point 4 follows point 2; point 3 is missing']);
    expect(problems('1. a.\n5. e.')).toEqual(['line 2: point 5 follows point 1; points 2–4 are missing']);
  });

  it('names duplicated numbers with the line of the first one', () => {
    expect(problems('1. a.\n2. b.\n2. again.\n3. c.')).toEqual([
      'line 3: point 2 appears twice (first on line 2)',
    ]);
  });

  it('rejects a plan that does not start at 1 and points out of order', () => {
    expect(problems('3. c.\n4. d.')).toEqual([
      'line 1: the first point is numbered 3; numbering must start at 1',
    ]);
    expect(problems('1. a.\n2. b.\n3. c.\n1. again?')).toEqual([
      'line 4: point 1 appears twice (first on line 1)',
    ]);
  });

  it('rejects an empty point and reports every problem, in line order', () => {
    expect(problems('1.\n2. b.\n4. d.')).toEqual([
      'line 1: point 1 has no text',
      'line 3: point 4 follows point 2; point 3 is missing',
    ]);
  });

  it('refuses a text of more points than a plan may hold, counting points past 9999 too', () => {
    const numbered = (count: number) =>
      Array.from({ length: count }, (_, index) => `${index + 1}. P`).join('\n');
    expect(parsed(numbered(MAX_PLAN_POINTS)).points).toHaveLength(MAX_PLAN_POINTS);
    expect(problems(numbered(MAX_PLAN_POINTS + 1))).toEqual([
      `line ${MAX_PLAN_POINTS + 1}: a plan holds at most ${MAX_PLAN_POINTS} points; this text has ${MAX_PLAN_POINTS + 1}`,
    ]);
    // Five-digit numbers open points: once they were read as the text of point 9999.
    expect(problems(`${numbered(3)}\n10000. P`)).toEqual([
      'line 4: point 10000 follows point 3; points 4–9999 are missing',
    ]);
  });

  it('lists the first problems of a long text and says how many more there are', () => {
    // A million duplicate numbers once overflowed the stack, passed as arguments in one call.
    const text = Array.from({ length: MAX_PLAN_POINTS }, () => '1. x').join('\n');
    const listed = problems(text);
    expect(listed).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(listed[0]).toBe('line 2: point 1 appears twice (first on line 1)');
    expect(listed.at(-1)).toBe(
      `line ${MAX_LISTED_PROBLEMS + 2}: and ${MAX_PLAN_POINTS - 1 - MAX_LISTED_PROBLEMS} more problems from here on, not listed`,
    );
  });
});
