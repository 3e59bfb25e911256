export const FUNCTION_LABELS = {
  lead: 'Lead',
  delegate: 'Delegate',
  principal: 'Principal',
  analyst: 'Analyst',
} as const;
