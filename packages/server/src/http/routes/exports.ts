import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateExportInputSchema,
  ExportRecordSchema,
  ExportSchema,
  LeakedFileSchema,
  listOf,
  PageQuerySchema,
  TraceLeakInputSchema,
  TraceLeakResultSchema,
} from '@parley/core';
import { createExport, getExportFile, listExportsForViewer, traceLeakInNegotiation } from '../../exports';
import { presentExport, presentExportRecord, presentTraceResult } from '../../presenters/exports';
import { pageOf } from '../../services/paging';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { ExportParams, NegotiationParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const base = '/api/negotiations/{negotiationId}';
const FileSchema = z.string().openapi({ format: 'binary' });
const create = createRoute({
  method: 'post',
  path: `${base}/exports`,
  tags: ['exports'],
  security: AUTHENTICATED,
  summary:
    'Export a plan version (with optional redline), a point history, round minutes or readout, or the summary for one recipient, as Markdown, PDF or DOCX',
  request: { params: NegotiationParams, body: jsonBody(CreateExportInputSchema) },
  responses: {
    201: jsonResponse(ExportSchema, 'The recorded copy; fetch its bytes from downloadUrl'),
    ...problems(400, 401, 403, 404, 413, 415, 422, 503),
  },
});
const list = createRoute({
  method: 'get',
  path: `${base}/exports`,
  tags: ['exports'],
  security: AUTHENTICATED,
  summary:
    "The copies the viewer may fetch, newest first (every copy for the mediator staff, one's own otherwise), a page at a time",
  request: { params: NegotiationParams, query: PageQuerySchema },
  responses: { 200: jsonResponse(listOf(ExportRecordSchema), 'The register'), ...problems(400, 401, 404) },
});
const download = createRoute({
  method: 'get',
  path: `${base}/exports/{exportId}/file`,
  tags: ['exports'],
  security: AUTHENTICATED,
  summary: 'The bytes of an exported copy (its recipient and the mediator staff only)',
  request: { params: ExportParams },
  responses: {
    200: {
      description: 'The file exactly as exported: its SHA-256 is the contentHash',
      content: {
        'text/markdown': { schema: FileSchema },
        'application/pdf': { schema: FileSchema },
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: FileSchema },
      },
    },
    ...problems(400, 401, 404),
  },
});
const trace = createRoute({
  method: 'post',
  path: `${base}/trace-leak`,
  tags: ['exports'],
  summary: 'Name the most likely recipient of leaked text (mediator staff)',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(TraceLeakInputSchema) },
  responses: {
    200: jsonResponse(TraceLeakResultSchema, 'Ranking and verdict'),
    ...problems(400, 401, 404, 413, 415, 422, 503),
  },
});
const traceFile = createRoute({
  method: 'post',
  path: `${base}/trace-leak/file`,
  tags: ['exports'],
  security: AUTHENTICATED,
  summary:
    'The same for a leaked file (.txt, .md, .pdf, .docx; base64), read as `parley trace-leak` reads it (mediator staff)',
  request: { params: NegotiationParams, body: jsonBody(LeakedFileSchema) },
  responses: {
    200: jsonResponse(TraceLeakResultSchema, 'Ranking and verdict'),
    ...problems(400, 401, 404, 413, 415, 422, 503),
  },
});

export const exportRoutes: RouteModule = (app, deps) => {
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(presentExport(await createExport(deps, viewer, { negotiation, body })), 201);
  });
  app.openapi(list, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const items = await listExportsForViewer(deps, viewer, { negotiation });
    return c.json(
      pageOf(items.map(presentExportRecord), c.req.valid('query'), (item) => item.id),
      200,
    );
  });
  app.openapi(download, async (c) => {
    const params = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, params.negotiationId);
    const file = await getExportFile(deps, viewer, { negotiation, exportId: params.exportId });
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'private, no-store',
    });
  });
  app.openapi(trace, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(
      presentTraceResult(await traceLeakInNegotiation(deps, viewer, { negotiation, excerpt: body })),
      200,
    );
  });
  app.openapi(traceFile, async (c) => {
    const file = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(
      presentTraceResult(await traceLeakInNegotiation(deps, viewer, { negotiation, excerpt: { file } })),
      200,
    );
  });
};
