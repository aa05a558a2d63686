// The keyring that seals personal data at rest (PII_KEYS_FILE, gateway/src/store/keyring.ts).
//
//   npm run pii-keys -- init   --file <keyring>   make a new keyring (production: before the first start)
//   npm run pii-keys -- rotate --file <keyring>   add a data key and make it current; restart the gateway
//   npm run pii-keys -- list   --file <keyring>   the key ids, when each was made, which is current
//
// Rotation keeps every old key (what it sealed stays readable) and the lookup key (the ID-number
// index). The file is replaced atomically and stays mode 0600; key material is never printed.
// Exit status: 0 done, 1 the keyring cannot be used, 2 usage error.
import path from 'node:path';
import { createKeyringFile, KeyringError, readKeyringFile, rotateKeyring, writeKeyringFile, type Keyring } from '../gateway/src/store/keyring.js';

const USAGE = 'usage: npm run pii-keys -- init|rotate|list --file <keyring.json>';
const COMMANDS = ['init', 'rotate', 'list'] as const;
type Command = (typeof COMMANDS)[number];

class UsageError extends Error {}

function parseArgs(argv: string[]): { command: Command; file: string } {
  let command: string | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--file') {
      file = argv[(i += 1)];
      if (!file) throw new UsageError('--file needs a path');
    } else if (a === '-h' || a === '--help') {
      throw new UsageError('');
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else if (command) {
      throw new UsageError('one command at a time');
    } else {
      command = a;
    }
  }
  if (!command || !(COMMANDS as readonly string[]).includes(command)) throw new UsageError(command ? `unknown command ${command}` : 'which command?');
  if (!file) throw new UsageError('--file is needed: the keyring (PII_KEYS_FILE)');
  return { command: command as Command, file: path.resolve(file) };
}

function describe(ring: Keyring): string[] {
  return [...ring.keys].map(([id, k]) => `  ${id === ring.current ? '*' : ' '} ${id}  ${k.createdAt}`);
}

async function run(command: Command, file: string): Promise<void> {
  if (command === 'init') {
    const ring = await createKeyringFile(file);
    console.log(`made ${file} (mode 0600); current key ${ring.current}`);
    return;
  }
  const ring = await readKeyringFile(file);
  if (command === 'list') {
    console.log(`${file}: ${ring.keys.size} data key(s), * current`);
    for (const line of describe(ring)) console.log(line);
    return;
  }
  const rotated = rotateKeyring(ring);
  await writeKeyringFile(file, rotated);
  console.log(`rotated ${file}: current key ${rotated.current} (was ${ring.current}); restart the gateway to seal with it`);
  for (const line of describe(rotated)) console.log(line);
}

async function main(): Promise<number> {
  let args: { command: Command; file: string };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) console.error(`pii-keys: ${e.message}`);
    console.error(USAGE);
    return 2;
  }
  try {
    await run(args.command, args.file);
    return 0;
  } catch (e) {
    const reason = e instanceof KeyringError ? e.message : (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (e as Error).message;
    console.error(`pii-keys: ${args.file} ${reason}`);
    return 1;
  }
}

process.exitCode = await main();
