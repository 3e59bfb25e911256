import { describe, expect, it } from 'vitest';
import {
  CreateExportInputSchema,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  exportFormatsFor,
  exportInputProblems,
} from './exports';

const IDS = {
  versionId: '00000000-0000-4000-8000-000000000001',
  pointId: '00000000-0000-4000-8000-000000000002',
  roundId: '00000000-0000-4000-8000-000000000003',
  recordId: '00000000-0000-4000-8000-000000000004',
};

describe('exportFormatsFor', () => {
  it('offers Akoma Ntoso for a plan version and for nothing else', () => {
    expect(exportFormatsFor('plan-version')).toContain('akn');
    for (const kind of EXPORT_KINDS.filter((candidate) => candidate !== 'plan-version'))
      expect(exportFormatsFor(kind)).toEqual(['markdown', 'pdf', 'docx']);
  });

  // The export form offers what this lists; a format it offers must never be refused.
  it.each(EXPORT_KINDS)('agrees with the rule a %s export is checked by', (kind) => {
    for (const format of EXPORT_FORMATS) {
      const body = CreateExportInputSchema.parse({ kind, format, ...IDS });
      const refused = exportInputProblems(body).some((problem) => problem.field === 'format');
      expect(refused).toBe(!exportFormatsFor(kind).includes(format));
    }
  });
});

describe('a watermark', () => {
  // Only PDF printed it: on the other formats `watermark: true` was accepted and left out.
  it.each(EXPORT_FORMATS)('is refused, naming the field, unless the copy is a PDF (%s)', (format) => {
    const body = CreateExportInputSchema.parse({ format, watermark: true, versionId: IDS.versionId });
    const problems = exportInputProblems(body).filter((problem) => problem.field === 'watermark');
    if (format === 'pdf') expect(problems).toEqual([]);
    else
      expect(problems).toEqual([{ field: 'watermark', message: expect.stringMatching(/Only a PDF prints/) }]);
  });

  it('is not asked of a copy that leaves it off, whatever the format', () => {
    for (const format of EXPORT_FORMATS)
      expect(
        exportInputProblems(CreateExportInputSchema.parse({ format, versionId: IDS.versionId })),
      ).toEqual([]);
  });
});

describe('a page header', () => {
  // Only PDF and Word copies have pages: on Markdown and Akoma Ntoso it was accepted and left out.
  it.each(EXPORT_FORMATS)('is refused, naming the field, unless the copy has pages (%s)', (format) => {
    const body = CreateExportInputSchema.parse({ format, headerText: 'Eyes only', versionId: IDS.versionId });
    const problems = exportInputProblems(body).filter((problem) => problem.field === 'headerText');
    if (format === 'pdf' || format === 'docx') expect(problems).toEqual([]);
    else
      expect(problems).toEqual([
        { field: 'headerText', message: expect.stringMatching(/Only a PDF or Word copy has a page header/) },
      ]);
  });
});
