import { basename } from 'node:path';
import {
  can,
  DomainError,
  PLAN_TEXT_MAX_LENGTH,
  parsePlanText,
  type Negotiation,
  type PlanDocumentInput,
  type PlanDocumentText,
  type Viewer,
} from '@parley/core';
import { ExtractTextError, extractTextFromBytes } from '../exports';
import type { AppDeps } from './deps';
import { assertAllowed } from './viewer';

const PLAN_EXTENSIONS = ['.md', '.markdown', '.txt', '.text', '.docx'];

/**
 * Reads an uploaded plan document (Markdown, plain text or DOCX) into text and parses it, so the
 * web app can show the text and its line-numbered problems before anything is stored. Stores nothing.
 */
export async function readPlanDocument(
  _deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; file: PlanDocumentInput },
): Promise<PlanDocumentText> {
  assertAllowed(
    can(viewer, 'plan.manage', { kind: 'negotiation', negotiationId: input.negotiation.id }),
    'change this plan',
  );
  const name = basename(input.file.name);
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.')).toLowerCase() : '';
  if (!PLAN_EXTENSIONS.includes(extension))
    throw new DomainError('invalid-input', `${name}: a plan is read from .md, .txt or .docx files`, {
      field: 'name',
    });
  let text: string;
  try {
    text = await extractTextFromBytes(Buffer.from(input.file.contentBase64, 'base64'), name, {
      asPlan: true,
    });
  } catch (error) {
    if (error instanceof ExtractTextError)
      throw new DomainError('invalid-input', error.message, { field: 'contentBase64' });
    throw error;
  }
  refuseOverlongText(name, text);
  const parsed = parsePlanText(text);
  return {
    text,
    points: parsed.ok ? parsed.value.points.length : 0,
    problems: parsed.ok
      ? []
      : parsed.problems.map((problem) => ({ line: problem.line ?? null, message: problem.message })),
  };
}

function refuseOverlongText(name: string, text: string): void {
  if (text.length <= PLAN_TEXT_MAX_LENGTH) return;
  const format = (count: number) => count.toLocaleString('en-US');
  throw new DomainError(
    'invalid-input',
    `${name}: the document's text is ${format(text.length)} characters long, ${format(text.length - PLAN_TEXT_MAX_LENGTH)} more than a plan may hold (${format(PLAN_TEXT_MAX_LENGTH)})`,
    { field: 'contentBase64' },
  );
}
