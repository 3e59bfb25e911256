/** Why a zip was refused; `message` completes "The … " (e.g. "holds two entries …"). */
export class ZipRefusal extends Error {}

export type ZipEntry = {
  readonly name: string;
  /** 0 stored, 8 deflate (APPNOTE 4.4.5); anything else is refused when read. */
  readonly method: number;
  /** The uncompressed size the central directory declares. */
  readonly declaredSize: number;
  /** The local header, which belongs to the entry as much as its data: no two entries may share either. */
  readonly headerStart: number;
  readonly dataStart: number;
  readonly dataEnd: number;
};

/** The entries of `bytes`, at most `maxEntries`, each with the range its data really occupies. */
export function listZipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[];

/** One entry's bytes, refused once inflation passes its declared size. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array;
