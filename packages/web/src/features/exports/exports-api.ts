import {
  ExportRecordSchema,
  ExportSchema,
  listOf,
  TraceLeakResultSchema,
  type CreateExportInputSchema,
} from '@parley/core';
import type { z } from 'zod';
import { requestAllPages } from '../../api/all-pages';
import { request } from '../../api/client';
import { fileToBase64 } from '../../api/file-base64';

const negotiation = (id: string) => `/api/negotiations/${encodeURIComponent(id)}`;

/** Renders and records one fingerprinted copy; the file itself is fetched from `downloadUrl`. */
export const createExport = (negotiationId: string, body: z.input<typeof CreateExportInputSchema>) =>
  request(`${negotiation(negotiationId)}/exports`, ExportSchema, { method: 'POST', body });

/** The copies the viewer may fetch (all of them for the mediator staff), newest first. */
export const listExports = (negotiationId: string) =>
  requestAllPages(`${negotiation(negotiationId)}/exports`, listOf(ExportRecordSchema));

/** Mediator staff only: who most likely received the copy this text came from. */
export const traceLeak = (negotiationId: string, text: string) =>
  request(`${negotiation(negotiationId)}/trace-leak`, TraceLeakResultSchema, {
    method: 'POST',
    body: { text },
  });

/** The same for a leaked file (PDF, DOCX or text), read by the server. */
export const traceLeakedFile = async (negotiationId: string, file: File) =>
  request(`${negotiation(negotiationId)}/trace-leak/file`, TraceLeakResultSchema, {
    method: 'POST',
    body: { name: file.name, contentBase64: await fileToBase64(file) },
  });
