import { DomainError } from '@parley/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

/** No Parley body nests anywhere near this deep; scenarios, the deepest, use about six levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects in a JSON text, counted without parsing it. A body
 * nested 10,000 levels parses fine, but every recursive walk over it afterwards (validation, the
 * engine, JSON.stringify) overflows the stack: such bodies are refused before anything walks them.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}

export function rejectDeepJson(maxDepth = MAX_JSON_DEPTH): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const contentType = c.req.header('content-type') ?? '';
    if (/json/i.test(contentType) && jsonDepth(await c.req.text()) > maxDepth) {
      throw new DomainError('invalid-input', `JSON bodies may nest at most ${maxDepth} levels deep.`, {
        field: '(body)',
      });
    }
    await next();
  };
}
