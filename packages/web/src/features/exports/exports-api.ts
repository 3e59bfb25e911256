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
    body: await leakedFile(file),
  });

/** A file as the trace-leak route takes it: its name and its bytes in base64. */
async function leakedFile(file: File): Promise<{ name: string; contentBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // in slices: String.fromCharCode with a whole file as arguments overflows the stack
  for (let at = 0; at < bytes.length; at += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return { name: file.name, contentBase64: btoa(binary) };
}
