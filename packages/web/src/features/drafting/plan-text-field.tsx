import { parsePlanText, type ParsedPlan, type ParsedPoint } from '@parley/core';
import { useId, useMemo, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { readPlanDocument } from '../../api/drafting-endpoints';
import { fileToBase64 } from '../../api/file-base64';
import { joinedLines } from './joined-lines';

export type PlanTextCheck = { plan: ParsedPlan | undefined; problems: { line: number; message: string }[] };

/** The plan parser run in the browser on every keystroke: the same rule the server applies on import. */
export function checkPlanText(text: string): PlanTextCheck {
  if (text.trim() === '') return { plan: undefined, problems: [] };
  const parsed = parsePlanText(text);
  if (parsed.ok) return { plan: parsed.value, problems: [] };
  return {
    plan: undefined,
    problems: parsed.problems.map((problem) => ({ line: problem.line ?? 1, message: problem.message })),
  };
}

/**
 * A numbered text pasted or uploaded (.md, .txt, .docx), with the parser's problems shown beside
 * the lines they name. DOCX files are read by the server; text files in the browser.
 */
export function PlanTextField({
  negotiationId,
  text,
  onChange,
  label = 'Plan text',
}: {
  negotiationId: string;
  text: string;
  onChange: (text: string) => void;
  label?: string;
}) {
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const problemsId = useId();
  const check = useMemo(() => checkPlanText(text), [text]);

  async function upload(file: File | undefined) {
    if (file === undefined) return;
    setReading(true);
    setFileError(undefined);
    try {
      if (/\.docx$/i.test(file.name)) {
        const read = await readPlanDocument(negotiationId, {
          name: file.name,
          contentBase64: await fileToBase64(file),
        });
        onChange(read.text);
      } else if (/\.(md|markdown|txt|text)$/i.test(file.name)) {
        onChange(await file.text());
      } else {
        setFileError(`${file.name}: a plan is read from .md, .txt or .docx files`);
      }
    } catch (failure) {
      setFileError(errorMessage(failure));
    } finally {
      setReading(false);
    }
  }

  return (
    <div className="plan-text-field">
      <label>
        Upload a file (.md, .txt or .docx)
        <input
          type="file"
          accept=".md,.markdown,.txt,.text,.docx"
          onChange={(e) => void upload(e.target.files?.[0])}
        />
      </label>
      {reading && <p role="status">Reading the file…</p>}
      {fileError !== undefined && (
        <p className="error" role="alert">
          {fileError}
        </p>
      )}
      <label>
        {label}
        <textarea
          dir="auto"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          rows={14}
          spellCheck={false}
          aria-invalid={check.problems.length > 0}
          aria-describedby={problemsId}
          placeholder={
            '# Topic\n1. **Title.** Text of the first point.\n2. Title — Text of the second point.'
          }
        />
      </label>
      <div id={problemsId}>
        {check.plan !== undefined && (
          <p className="ok" role="status">
            {check.plan.points.length} point{check.plan.points.length === 1 ? '' : 's'} read
            {check.plan.title !== null ? ` — “${check.plan.title}”` : ''}.
            {check.plan.points.every((point) => point.title === '') && (
              // "1. Title. Text" is one sentence after another to the parser: say how a title is written.
              <>
                {' '}
                No point has a title: write each in <strong>**bold**</strong>, before a dash (“Title — text”),
                before a colon or on a line of its own.
              </>
            )}
          </p>
        )}
        {check.plan !== undefined && <JoinedLines text={text} points={check.plan.points} />}
        {check.problems.length > 0 && <TextProblems text={text} problems={check.problems} />}
      </div>
    </div>
  );
}

/** Lines without a number read into the point above: not a problem, but a lost number reads the same. */
function JoinedLines({ text, points }: { text: string; points: readonly ParsedPoint[] }) {
  const joined = joinedLines(text, points);
  if (joined.length === 0) return null;
  return (
    <section className="text-problems" aria-label="Lines read into the point above">
      <p className="warning">
        {joined.length === 1 ? 'A line has' : `${joined.length} lines have`} no number and{' '}
        {joined.length === 1 ? 'is' : 'are'} read as part of the point above: number any that is a point of
        its own.
      </p>
      <ol className="source-lines">
        {joined.slice(0, MAX_JOINED_SHOWN).map((line) => (
          <li key={line.line} value={line.line}>
            <code>{line.text}</code>
            <p className="muted small">read as part of point {line.pointNumber}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
const MAX_JOINED_SHOWN = 20;

/** The lines around each problem, numbered as the parser numbers them, with the problem under its line. */
function TextProblems({ text, problems }: { text: string; problems: PlanTextCheck['problems'] }) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return (
    <section className="text-problems" aria-label="Problems in the text">
      <p className="error" role="alert">
        {problems.length === 1
          ? '1 problem in the text: nothing can be stored until it is fixed.'
          : `${problems.length} problems in the text: nothing can be stored until they are fixed.`}
      </p>
      <ol className="source-lines">
        {problems.map((problem) => (
          <li key={`${problem.line}-${problem.message}`} value={problem.line}>
            <code>{lines[problem.line - 1] ?? ''}</code>
            <p className="problem">{problem.message}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
