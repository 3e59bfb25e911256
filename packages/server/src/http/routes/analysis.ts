import { createRoute, z } from '@hono/zod-openapi';
import {
  AnalysisRequestSchema,
  AnalysisSchema,
  GeniusScenarioInputSchema,
  GeniusScenarioSchema,
} from '@parley/core';
import { ANALYSIS_EXAMPLE } from '../../demo/analysis-example';
import { presentAnalysis } from '../../presenters/analysis';
import { analyzeScenario, readGeniusScenario } from '../../services/analysis';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { requireViewer } from '../viewer-context';
import type { RouteModule } from './route-module';

const ExampleSchema = z.strictObject({ scenario: z.record(z.string(), z.unknown()) });

const example = createRoute({
  method: 'get',
  path: '/api/analysis/example',
  tags: ['analysis'],
  security: AUTHENTICATED,
  summary: 'An illustrative scenario (invented preferences) to try the analysis with',
  responses: { 200: jsonResponse(ExampleSchema, 'A Parley JSON scenario'), ...problems(401) },
});
const analyze = createRoute({
  method: 'post',
  path: '/api/analysis',
  tags: ['analysis'],
  security: AUTHENTICATED,
  summary:
    'Pareto frontier, bargaining solutions, zone of agreement, contention, trades and improvements of a scenario (nothing is stored)',
  request: { body: jsonBody(AnalysisRequestSchema) },
  responses: {
    200: jsonResponse(AnalysisSchema, 'The analysis'),
    ...problems(400, 401, 403, 413, 415, 422, 503),
  },
});

const fromGenius = createRoute({
  method: 'post',
  path: '/api/analysis/genius-scenario',
  tags: ['analysis'],
  security: AUTHENTICATED,
  summary:
    'A GENIUS scenario folder (zip, base64) read as the Parley JSON scenario the analysis takes (nothing is stored)',
  request: { body: jsonBody(GeniusScenarioInputSchema) },
  responses: {
    200: jsonResponse(GeniusScenarioSchema, 'The scenario as Parley JSON'),
    ...problems(400, 401, 403, 413, 415),
  },
});

export const analysisRoutes: RouteModule = (app, deps) => {
  app.openapi(fromGenius, async (c) => {
    const { archive } = c.req.valid('json');
    const viewer = await requireViewer(c, deps);
    return c.json(readGeniusScenario(viewer, archive), 200);
  });
  app.openapi(example, async (c) => {
    await requireViewer(c, deps);
    return c.json({ scenario: structuredClone(ANALYSIS_EXAMPLE) as Record<string, unknown> }, 200);
  });
  app.openapi(analyze, async (c) => {
    const request = c.req.valid('json');
    const viewer = await requireViewer(c, deps);
    // A client that goes away cancels the work: its engine thread is stopped.
    return c.json(
      presentAnalysis(await analyzeScenario(deps, viewer, { request, signal: c.req.raw.signal })),
      200,
    );
  });
};
