import { ExportSchema, TraceLeakResultSchema, type CreateExportInputSchema } from '@parley/core';
import type { z } from 'zod';
import { request } from '../../api/client';

const negotiation = (id: string) => `/api/negotiations/${encodeURIComponent(id)}`;

/** Renders and records one fingerprinted copy; the file itself is fetched from `downloadUrl`. */
export const createExport = (negotiationId: string, body: z.input<typeof CreateExportInputSchema>) =>
  request(`${negotiation(negotiationId)}/exports`, ExportSchema, { method: 'POST', body });

/** Mediator staff only: who most likely received the copy this text came from. */
export const traceLeak = (negotiationId: string, text: string) =>
  request(`${negotiation(negotiationId)}/trace-leak`, TraceLeakResultSchema, { method: 'POST', body: { text } });
