// PII_KEYS_FILE: the keyring of personal data at rest lives outside the data directory; production
// requires it to exist; the file is mode 0600 and made, outside production, at first start.
import { chmod, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ConfigError, defaultPiiKeysFile, loadConfig } from '../../../gateway/src/config.js';
import { startGateway } from '../../../gateway/src/server.js';
import { generateKeyring, keyringJson, KeyringError, openKeyringFile, parseKeyring } from '../../../gateway/src/store/keyring.js';
import { runScript } from '../../support/cli.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pii-keys-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const production = (env: Record<string, string>) =>
  loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40), RW_ENABLED: 'false', DATA_DIR: join(root, 'data'), ...env }, []);

async function keyringAt(file: string, mode = 0o600): Promise<string> {
  await writeFile(file, keyringJson(generateKeyring()), { mode });
  await chmod(file, mode);
  return file;
}

describe('PII_KEYS_FILE in production', () => {
  test('unset, the gateway refuses to start, naming the variable', () => {
    expect(() => production({})).toThrow(ConfigError);
    expect(() => production({})).toThrow(/PII_KEYS_FILE must be set in production/);
  });

  test('naming a file that does not exist, it refuses to start', () => {
    expect(() => production({ PII_KEYS_FILE: join(root, 'missing.json') })).toThrow(/PII_KEYS_FILE names no file/);
  });

  test('inside DATA_DIR (also through a symbolic link, or DATA_DIR itself), it refuses to start', async () => {
    await mkdir(join(root, 'data', 'keys'), { recursive: true });
    const inside = await keyringAt(join(root, 'data', 'keys', 'pii-keys.json'));
    expect(() => production({ PII_KEYS_FILE: inside })).toThrow(/PII_KEYS_FILE must lie outside DATA_DIR/);
    await symlink(join(root, 'data', 'keys'), join(root, 'elsewhere'));
    expect(() => production({ PII_KEYS_FILE: join(root, 'elsewhere', 'pii-keys.json') })).toThrow(/PII_KEYS_FILE must lie outside DATA_DIR/);
    expect(() => production({ PII_KEYS_FILE: join(root, 'data') })).toThrow(/PII_KEYS_FILE must lie outside DATA_DIR/);
  });

  test('an existing file outside DATA_DIR is used as it is, never made', async () => {
    const file = await keyringAt(join(root, 'pii-keys.json'));
    expect(production({ PII_KEYS_FILE: file }).piiKeys).toEqual({ file, create: false });
    // a sibling whose name merely starts like the data directory is outside it
    const sibling = await keyringAt(join(root, 'data-keys.json'));
    expect(production({ PII_KEYS_FILE: sibling }).piiKeys.file).toBe(sibling);
  });

  test('a keyring others may read stops the start, naming the variable', async () => {
    const file = await keyringAt(join(root, 'pii-keys.json'), 0o644);
    const config = production({ PII_KEYS_FILE: file });
    await expect(startGateway({ config, partnerModules: [] })).rejects.toThrow(/PII_KEYS_FILE \(.*pii-keys\.json\) is readable by group or others \(mode 644\); chmod 600 it/);
  });
});

describe('PII_KEYS_FILE outside production', () => {
  test('unset, it defaults to a file beside the data directory, made at first start', () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: join(root, 'data') }, []);
    expect(config.piiKeys).toEqual({ file: join(`${root}/data.keys`, 'pii-keys.json'), create: true });
    expect(defaultPiiKeysFile(`${join(root, 'data')}/`)).toBe(config.piiKeys.file);
  });

  test('set inside DATA_DIR, it is refused there too', () => {
    expect(() => loadConfig({ NODE_ENV: 'development', DATA_DIR: join(root, 'data'), PII_KEYS_FILE: join(root, 'data', 'k.json') }, [])).toThrow(/PII_KEYS_FILE must lie outside DATA_DIR/);
  });
});

describe('the keyring file', () => {
  test('made at first open with mode 0600 in a 0700 directory; opened again, it is the same keyring', async () => {
    const file = join(root, 'data.keys', 'pii-keys.json');
    const made = await openKeyringFile({ file, create: true });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, 'data.keys'))).mode & 0o777).toBe(0o700);
    const again = await openKeyringFile({ file, create: true });
    expect(again.current).toBe(made.current);
    expect(again.keys.get(made.current)?.key).toEqual(made.keys.get(made.current)?.key);
    expect(again.lookupKey).toEqual(made.lookupKey);
    const json = JSON.parse(await readFile(file, 'utf8'));
    expect(json).toMatchObject({ format: 'kytb-pii-keys/1', current: made.current, keys: { [made.current]: { createdAt: expect.any(String) } } });
    expect(Buffer.from(json.keys[made.current].key, 'base64')).toHaveLength(32);
  });

  test('absent where it must exist, it is an error, not a new keyring', async () => {
    await expect(openKeyringFile({ file: join(root, 'none.json'), create: false })).rejects.toThrow(KeyringError);
  });

  test.each([
    ['not JSON', '{'],
    ['no current key', JSON.stringify({ format: 'kytb-pii-keys/1', current: 'x', keys: {}, lookupKey: Buffer.alloc(32).toString('base64') })],
    ['a short key', JSON.stringify({ format: 'kytb-pii-keys/1', current: 'k1', keys: { k1: { key: 'AAAA', createdAt: '2026-01-01T00:00:00Z' } }, lookupKey: Buffer.alloc(32).toString('base64') })],
    ['a key id with a dot', JSON.stringify({ format: 'kytb-pii-keys/1', current: 'k.1', keys: { 'k.1': { key: Buffer.alloc(32).toString('base64'), createdAt: '2026-01-01T00:00:00Z' } }, lookupKey: Buffer.alloc(32).toString('base64') })],
    ['no lookup key', JSON.stringify({ format: 'kytb-pii-keys/1', current: 'k1', keys: { k1: { key: Buffer.alloc(32).toString('base64'), createdAt: '2026-01-01T00:00:00Z' } } })],
  ])('a file with %s is refused', (_name, text) => {
    expect(() => parseKeyring(text)).toThrow(KeyringError);
  });
});

describe('npm run pii-keys', () => {
  test('init makes a keyring (0600) and refuses to replace one; list shows ids, never keys', async () => {
    const file = join(root, 'keys', 'pii-keys.json');
    const made = await runScript('pii-keys.ts', 'init', '--file', file);
    expect(made).toMatchObject({ code: 0, out: expect.stringMatching(/made .*pii-keys\.json \(mode 0600\); current key [0-9a-f]{8}/) });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const again = await runScript('pii-keys.ts', 'init', '--file', file);
    expect(again).toMatchObject({ code: 1, out: expect.stringMatching(/already exists/) });
    const ring = parseKeyring(await readFile(file, 'utf8'));
    const listed = await runScript('pii-keys.ts', 'list', '--file', file);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`* ${ring.current}`);
    expect(listed.out).not.toContain(ring.keys.get(ring.current)!.key.toString('base64'));
    expect((await runScript('pii-keys.ts', 'rotate')).code).toBe(2);
    expect((await runScript('pii-keys.ts', 'rotate', '--file', join(root, 'none.json'))).code).toBe(1);
  }, 60_000);
});
