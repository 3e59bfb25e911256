/** A file's text, or undefined when its bytes are not UTF-8 text (a name ending in .txt proves nothing). */
export function textOf(bytes: ArrayBuffer): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * What to call a record read from a file: its first heading ("# Geneva transcript"), which names
 * the document as its author did, else the file name without its extension.
 */
export function titleFor(fileName: string, text: string): string {
  const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text.slice(0, 2_000))?.[1]?.trim();
  return (heading !== undefined && heading !== '' ? heading : fileName.replace(/\.[^.]+$/, '')).slice(0, 200);
}
