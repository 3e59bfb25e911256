import {
  hashLeaf,
  hexToBytes,
  verifyInclusion,
  type AuditInclusionProof,
  type AuditKeys,
} from '@parley/core';

// Checks in the browser, with core's RFC 9162 code, that an entry this viewer was shown is in the
// log the server signed: the server's word is needed only for the proof's hashes, which cannot be
// forged to fit a signed root (docs/security.md).

const ORIGIN = 'parley/audit-log';

export type EntryVerdict =
  | { ok: true; treeSize: number; keyName: string; isSignatureChecked: boolean }
  | { ok: false; reason: string };

type SignedNote = {
  body: string;
  treeSize: number;
  root: Uint8Array;
  signatures: { name: string; keyId: string; signature: Uint8Array<ArrayBuffer> }[];
};

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The C2SP signed note the server issued: origin, size and root, a blank line, signature lines. */
export function parseSignedNote(text: string): SignedNote | string {
  const [origin, sizeLine = '', rootLine = '', blank, ...rest] = text.replaceAll('\r\n', '\n').split('\n');
  if (origin !== ORIGIN) return `the checkpoint is not for ${ORIGIN}`;
  if (!/^\d{1,15}$/.test(sizeLine) || blank !== '') return 'the checkpoint is malformed';
  let root: Uint8Array;
  try {
    root = fromBase64(rootLine);
  } catch {
    return 'the checkpoint root is not base64';
  }
  if (root.length !== 32) return 'the checkpoint root is not 32 bytes';
  const signatures = [];
  for (const line of rest) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (match === null) continue;
    const bytes = fromBase64(match[2] ?? '');
    if (bytes.length !== 68) continue;
    signatures.push({ name: match[1] ?? '', keyId: toHex(bytes.subarray(0, 4)), signature: bytes.slice(4) });
  }
  return { body: `${origin}\n${sizeLine}\n${rootLine}\n`, treeSize: Number(sizeLine), root, signatures };
}

/**
 * Ed25519 over the note body with WebCrypto: `true`/`false`, or `undefined` where the browser has
 * no Ed25519 (then only the Merkle proof is checked, and the page says so).
 */
async function checkSignature(
  note: SignedNote,
  keys: AuditKeys,
): Promise<{ keyName: string; valid: boolean | undefined }> {
  for (const signature of note.signatures) {
    const key = keys.items.find((item) => item.name === signature.name && item.keyId === signature.keyId);
    if (key === undefined) continue;
    let publicKey: CryptoKey;
    try {
      publicKey = await crypto.subtle.importKey(
        'raw',
        fromBase64(key.publicKey),
        { name: 'Ed25519' },
        false,
        ['verify'],
      );
    } catch {
      return { keyName: key.name, valid: undefined };
    }
    const valid = await crypto.subtle.verify(
      { name: 'Ed25519' },
      publicKey,
      signature.signature,
      new TextEncoder().encode(note.body),
    );
    return { keyName: key.name, valid };
  }
  return { keyName: '', valid: false };
}

/** Is the entry with this id (as shown to the viewer) in the log the checkpoint signs? */
export async function verifyEntryInLog(
  entryId: string,
  proof: AuditInclusionProof,
  keys: AuditKeys,
): Promise<EntryVerdict> {
  const note = parseSignedNote(proof.checkpoint.checkpoint);
  if (typeof note === 'string') return { ok: false, reason: note };
  const signature = await checkSignature(note, keys);
  if (signature.valid === false)
    return { ok: false, reason: 'the checkpoint signature does not verify with any published key' };
  if (note.treeSize !== proof.treeSize)
    return { ok: false, reason: 'the proof is for another tree size than the signed checkpoint' };
  // The leaf is recomputed from the id the viewer was shown, never taken from the answer.
  const leafHash = hashLeaf(hexToBytes(entryId));
  const isIncluded = verifyInclusion({
    leafIndex: proof.leafIndex,
    treeSize: proof.treeSize,
    leafHash,
    proof: proof.proof.map(hexToBytes),
    root: note.root,
  });
  if (!isIncluded) return { ok: false, reason: 'the proof does not lead to the signed root' };
  return {
    ok: true,
    treeSize: note.treeSize,
    keyName: signature.keyName,
    isSignatureChecked: signature.valid === true,
  };
}
