import { createRoute } from '@hono/zod-openapi';
import {
  GeniusDraftInputSchema,
  GeniusDraftSchema,
  GeniusImportInputSchema,
  GeniusImportResultSchema,
  GeniusPreviewInputSchema,
  GeniusPreviewSchema,
} from '@parley/core';
import { z } from 'zod';
import { presentGeniusDraft, presentGeniusImport, presentGeniusPreview } from '../../presenters/live-genius';
import { draftFromGenius } from '../../services/genius-draft';
import { exportLiveGenius } from '../../services/live-genius';
import { importGenius, previewGeniusImport } from '../../services/live-genius-import';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { VersionParams } from '../plan-params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

// The live issues as a GENIUS scenario folder, out and in (docs/live-analysis.md, issue #12 item 7).
const genius = '/api/negotiations/{negotiationId}/plan/versions/{versionId}/live-issues/genius';

const download = createRoute({
  method: 'get',
  path: genius,
  tags: ['live analysis'],
  summary:
    "The version's issues and the profiles you may read as a GENIUS folder in a zip (each profile read is audited)",
  security: AUTHENTICATED,
  request: { params: VersionParams },
  responses: {
    200: {
      description:
        'A zip holding one folder: domain.xml, one profile XML per readable profile (analysis order), parley-mapping.json',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problems(400, 401, 404),
  },
});
const preview = createRoute({
  method: 'post',
  path: `${genius}/preview`,
  tags: ['live analysis'],
  summary:
    'Read an uploaded GENIUS folder (zip, base64): its issues and a suggested point for each; stores nothing (mediator staff)',
  security: AUTHENTICATED,
  request: { params: VersionParams, body: jsonBody(GeniusPreviewInputSchema) },
  responses: {
    200: jsonResponse(GeniusPreviewSchema, 'What the folder holds'),
    ...problems(400, 401, 403, 404, 413, 415),
  },
});
const importFolder = createRoute({
  method: 'post',
  path: genius,
  tags: ['live analysis'],
  summary:
    "Set the options of the points the mediator mapped the folder's issues to, all or nothing; profiles are never written (mediator staff)",
  security: AUTHENTICATED,
  request: { params: VersionParams, body: jsonBody(GeniusImportInputSchema) },
  responses: {
    200: jsonResponse(GeniusImportResultSchema, 'The points as issues now'),
    ...problems(400, 401, 403, 404, 413, 415),
  },
});

const draft = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/preferences/genius-draft',
  tags: ['live analysis'],
  summary:
    "Read one GENIUS profile (zip, base64) into a draft of your delegation's profile; stores nothing: you check it and save it",
  security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(GeniusDraftInputSchema) },
  responses: {
    200: jsonResponse(GeniusDraftSchema, 'The draft, in the shape of a save'),
    ...problems(400, 401, 403, 404, 413, 415, 422),
  },
});

export const liveGeniusRoutes: RouteModule = (app, deps) => {
  app.openapi(draft, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(presentGeniusDraft(await draftFromGenius(deps, viewer, { negotiation, body })), 200);
  });
  app.openapi(download, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const file = await exportLiveGenius(deps, viewer, { negotiation, versionId });
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'private, no-store',
    });
  });
  app.openapi(preview, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const { archive } = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const preview = await previewGeniusImport(deps, viewer, { negotiation, versionId, archive });
    return c.json(presentGeniusPreview(preview), 200);
  });
  app.openapi(importFolder, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    return c.json(
      presentGeniusImport(await importGenius(deps, viewer, { negotiation, versionId, body })),
      200,
    );
  });
};
