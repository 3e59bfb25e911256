/**
 * pdfjs-dist's legacy build bundles core-js, which replaces the process-wide JSON.stringify with
 * its polyfill when the library loads and again when its in-process worker loads (issue #13).
 * This module is imported before pdfjs-dist, so it captures the engine's own function, and
 * `restoreNativeJson()` puts it back after each of those loads.
 */
export const NATIVE_JSON_STRINGIFY = JSON.stringify;

export function restoreNativeJson(): void {
  if (JSON.stringify !== NATIVE_JSON_STRINGIFY) JSON.stringify = NATIVE_JSON_STRINGIFY;
}
