import { open, stat } from 'node:fs/promises';

/** Why a file named on the command line was not read: one line, naming the file. */
export class UnreadableFileError extends Error {}

/**
 * Reads a regular file of at most `maxBytes`. A device (`/dev/zero`) or a file of gigabytes was
 * read whole, and the process died with "Invalid string length" and a stack trace. A FIFO or a
 * device is refused before it is opened (opening a FIFO waits for a writer); a file that grows
 * after the check is read no further than its size then, plus one byte to notice.
 */
export async function readBoundedFile(path: string, maxBytes: number): Promise<Buffer> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new UnreadableFileError(`cannot read ${path}`);
  if (!info.isFile()) throw new UnreadableFileError(`${path} is not a regular file`);
  if (info.size > maxBytes) throw new UnreadableFileError(tooLarge(path, info.size, maxBytes));
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) throw new UnreadableFileError(`cannot read ${path}`);
  try {
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > info.size) throw new UnreadableFileError(`${path} changed while it was read`);
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`;
const tooLarge = (path: string, size: number, limit: number) =>
  `${path} is ${megabytes(size)}: larger than the ${megabytes(limit)} read here`;
