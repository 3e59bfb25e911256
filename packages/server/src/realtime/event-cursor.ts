import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import type { SealKey } from '../sealing/seal-key';

/**
 * The `id` an event stream sends with each event, and reads back from `Last-Event-ID`. The event
 * log numbers every event of every negotiation from one sequence, so plain numbers would let a
 * party count the events hidden from it and see when they happened (the gap between two ids it
 * received). Each number is sent enciphered instead: one AES block holding the number and a tag
 * of the negotiation, under a key derived from the server's seal key, so every process serving
 * the database reads back what any of them sent. The ids look random and bear no order; one
 * from another negotiation, altered, or from a server with another key reads back as nothing.
 */
export type EventCursor = {
  readonly encode: (negotiationId: string, eventId: number) => string;
  /** The event number, or undefined when the text is no cursor of this negotiation on this server. */
  readonly decode: (negotiationId: string, text: string) => number | undefined;
};

const BLOCK = 16;

export function eventCursor(sealKey: SealKey): EventCursor {
  const key = Buffer.from(hkdfSync('sha256', sealKey.secret, Buffer.alloc(0), 'parley event cursor v1', 32));
  const tagOf = (negotiationId: string) =>
    createHash('sha256').update('parley event cursor tag\n').update(negotiationId).digest().subarray(0, 8);
  // One block, no padding: ECB of a single block is the block cipher itself, a keyed permutation.
  const crypt = (decipher: boolean, block: Buffer) => {
    const cipher = decipher
      ? createDecipheriv('aes-256-ecb', key, null).setAutoPadding(false)
      : createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
    return Buffer.concat([cipher.update(block), cipher.final()]);
  };
  return {
    encode(negotiationId, eventId) {
      const block = Buffer.alloc(BLOCK);
      tagOf(negotiationId).copy(block, 0);
      block.writeBigUInt64BE(BigInt(eventId), 8);
      return crypt(false, block).toString('base64url');
    },
    decode(negotiationId, text) {
      if (!/^[A-Za-z0-9_-]{22}$/.test(text)) return undefined;
      const block = crypt(true, Buffer.from(text, 'base64url'));
      if (!block.subarray(0, 8).equals(tagOf(negotiationId))) return undefined;
      const eventId = block.readBigUInt64BE(8);
      return eventId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(eventId) : undefined;
    },
  };
}
