import type { ExportFormat, ExportKind } from '@parley/core';

/** What a copy holds, as the register and the leak tracer name it. */
export const EXPORT_KIND_NAMES: Record<ExportKind, string> = {
  'plan-version': 'Plan version',
  'point-history': 'Point history',
  'round-minutes': 'Minutes',
  'round-readout': 'Public readout',
  'negotiation-summary': 'Summary',
  record: 'Record',
};

export const EXPORT_FORMAT_NAMES: Record<ExportFormat, string> = {
  markdown: 'Markdown',
  pdf: 'PDF',
  docx: 'Word',
  akn: 'Akoma Ntoso',
};
