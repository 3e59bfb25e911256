import { loadAuditTree } from '../../audit/audit-tree';
import { signCheckpoint } from '../../audit/checkpoint';
import { defaultAuditKeyDir, loadAuditKeyring, rotateAuditKey } from '../../audit/signing-keys';
import type { Command } from '../command';
import { DATABASE_HELP, DATABASE_OPTIONS, withDatabase } from '../database-flags';
import { parseFlags } from '../parse-flags';

export const auditCheckpointCommand: Command = {
  name: 'audit checkpoint',
  summary: 'Print a signed checkpoint of the audit log as it is now (to publish or keep)',
  help: [
    'Usage: parley audit checkpoint [--data DIR | --database-url URL]',
    '',
    'Signs the Merkle tree size and root of the whole audit log with the current key',
    '(PARLEY_AUDIT_SIGNING_KEY, or the data folder’s audit-keys/) and prints the checkpoint text.',
    '',
    'Options:',
    DATABASE_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, DATABASE_OPTIONS, false);
    const keyring = loadAuditKeyring({ keyDir: defaultAuditKeyDir(values.data) });
    const tree = await withDatabase(values, (handle) => loadAuditTree(handle.db));
    io.out(signCheckpoint(keyring, { treeSize: tree.size, rootHash: tree.root() }).trimEnd());
    return 0;
  },
};

export const auditRotateKeyCommand: Command = {
  name: 'audit rotate-key',
  summary: 'Start signing checkpoints with a new key; old checkpoints keep verifying',
  help: [
    'Usage: parley audit rotate-key [--data DIR]',
    '',
    'Writes a new Ed25519 key into the data folder’s audit-keys/ (or PARLEY_AUDIT_KEY_DIR) and makes',
    'it current; restart the server to use it. Every NAME.pub stays, so checkpoints signed by a',
    'retired key still verify; delete a retired NAME.key once it is no longer needed.',
    '',
    'Options:',
    '  --data DIR            the data folder (default ./data)',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, { data: { type: 'string' } }, false);
    const key = rotateAuditKey(defaultAuditKeyDir(values.data));
    io.out(`new audit signing key ${key.name} (key id ${key.keyId}), public key ${key.publicKey}`);
    return 0;
  },
};
