import { hashChildren, type HashFunction } from './merkle-tree';
import { sha256 } from '../fingerprint/sha256';

// The verification algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, step by step. They need only the
// hashes a party already holds (a root from a checkpoint, a leaf it was shown) and the proof.

function equal(left: Uint8Array, right: Uint8Array): boolean {
  return left.length === right.length && left.every((byte, index) => byte === right[index]);
}

/** Shifts fn and sn right together until fn's lowest bit is set or fn is 0 (RFC 9162 wording). */
function shiftWhileEven(fn: number, sn: number): [number, number] {
  while (fn % 2 === 0 && fn !== 0) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return [fn, sn];
}

/** Is the leaf with this hash at `leafIndex` in the tree of `treeSize` leaves whose root is `root`? */
export function verifyInclusion(
  input: {
    leafIndex: number;
    treeSize: number;
    leafHash: Uint8Array;
    proof: readonly Uint8Array[];
    root: Uint8Array;
  },
  hash: HashFunction = sha256,
): boolean {
  const { leafIndex, treeSize, leafHash, proof, root } = input;
  if (leafIndex >= treeSize || leafIndex < 0) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r, hash);
      if (fn % 2 === 0) [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      r = hashChildren(r, p, hash);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

/** Is the tree of `newSize` leaves (root `newRoot`) an extension of the one of `oldSize` (root `oldRoot`)? */
export function verifyConsistency(
  input: {
    oldSize: number;
    newSize: number;
    oldRoot: Uint8Array;
    newRoot: Uint8Array;
    proof: readonly Uint8Array[];
  },
  hash: HashFunction = sha256,
): boolean {
  const { oldSize, newSize, oldRoot, newRoot } = input;
  if (oldSize > newSize || oldSize < 0) return false;
  if (oldSize === newSize) return input.proof.length === 0 && equal(oldRoot, newRoot);
  if (oldSize === 0) return input.proof.length === 0;
  if (input.proof.length === 0) return false;
  const isPowerOfTwo = (oldSize & (oldSize - 1)) === 0;
  const path = isPowerOfTwo ? [oldRoot, ...input.proof] : [...input.proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Uint8Array;
  let sr = path[0] as Uint8Array;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr, hash);
      sr = hashChildren(c, sr, hash);
      if (fn % 2 === 0) [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      sr = hashChildren(sr, c, hash);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return equal(fr, oldRoot) && equal(sr, newRoot) && sn === 0;
}

export function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index++)
    bytes[index] = parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
