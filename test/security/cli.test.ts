import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { openStateDb } from '../../src/data/state/db.ts';
import { createFirstAdministrator } from '../../src/data/security/users.ts';
import { verifyPassword } from '../../src/data/security/secrets.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { tempDir } from '../helpers/tmp.ts';

/** `chokepoint users|orgs|audit` on an embedded database in a data directory. */
describe('security CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    delete process.env.DATABASE_URL;
  });
  afterEach(() => vi.restoreAllMocks());

  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const { code, stdout, stderr } = await runCliInProcess(['--data-dir', dir, ...args]);
    return { code, out: stdout, err: stderr };
  }

  it('adds organisations and users, refuses a clearance above the cap, lists them, disables', async () => {
    expect(
      (await run('orgs', 'add', 'acme', '--name', 'Acme 半導体', '--kind', 'company', '--cap', '2')).code,
    ).toBe(0);
    const admin = await run(
      '--json',
      'users',
      'add',
      'alice',
      '--role',
      'administrator',
      '--level',
      '3',
      '--grant',
      'declassify',
    );
    expect(admin.code).toBe(0);
    const created = JSON.parse(admin.out) as {
      user: { username: string; organisationId: string; permissions: string[] };
      password: string;
    };
    expect(created.user).toMatchObject({
      username: 'alice',
      organisationId: 'meti',
      permissions: ['declassify'],
    });
    expect(created.password).toHaveLength(20);
    const tooHigh = await run('users', 'add', 'bob', '--org', 'acme', '--role', 'viewer', '--level', '3');
    expect(tooHigh.code).toBe(3);
    expect(tooHigh.err).toMatch(/exceeds the sharing cap 2 of organisation acme/);
    expect(
      (
        await run(
          'users',
          'add',
          'bob',
          '--org',
          'acme',
          '--role',
          'viewer',
          '--level',
          '2',
          '--compartments',
          'semiconductors',
        )
      ).code,
    ).toBe(0);
    expect((await run('users', 'add', 'carol', '--org', 'nowhere')).code).toBe(4);
    expect((await run('users', 'add', 'dave', '--role', 'emperor')).code).toBe(3);
    expect((await run('users', 'disable', 'bob')).code).toBe(0);
    const list = JSON.parse((await run('--json', 'users', 'list')).out) as {
      username: string;
      disabled: boolean;
    }[];
    expect(list.map((u) => [u.username, u.disabled])).toEqual([
      ['alice', false],
      ['bob', true],
    ]);
    const reset = JSON.parse((await run('--json', 'users', 'reset-password', 'alice')).out) as {
      password: string;
    };
    expect(reset.password).not.toBe(created.password);
    const orgs = JSON.parse((await run('--json', 'orgs', 'list')).out) as {
      id: string;
      sharingCap: number;
    }[];
    expect(orgs).toEqual([
      { id: 'acme', name: 'Acme 半導体', kind: 'company', sharingCap: 2 },
      { id: 'meti', name: '経済産業省 METI', kind: 'ministry', sharingCap: 3 },
    ]);
  });

  it('audit verify passes on the intact log and exits 3 after an entry is edited', async () => {
    const ok = await run('--json', 'audit', 'verify');
    expect(ok.code).toBe(0);
    const result = JSON.parse(ok.out) as {
      ok: boolean;
      entries: number;
      head: { seq: number; hash: string };
    };
    // orgs add, 2 × users add, disable, reset-password
    expect(result).toMatchObject({ ok: true, entries: 5 });
    const db = await openStateDb({ dataDir: new DataDir(dir).stateDir });
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await db.query("UPDATE audit_log SET action = 'user.enable' WHERE seq = 4");
    await db.close();
    const broken = await run('audit', 'verify');
    expect(broken.code).toBe(3);
    expect(broken.out).toMatch(/AUDIT LOG TAMPERED/);
    expect(broken.out).toMatch(/4\s+content does not match its hash/);
  });

  it('first start with no users creates admin once, with a working one-time password', async () => {
    const db = await openStateDb({});
    const first = await createFirstAdministrator(db);
    expect(first?.user).toMatchObject({ username: 'admin', role: 'administrator', clearanceLevel: 3 });
    const [row] = await db.query<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE username = 'admin'",
    );
    expect(await verifyPassword(row.password_hash, first!.password)).toBe(true);
    expect(await createFirstAdministrator(db)).toBeNull();
    await db.close();
  });
});
