// The demo accounts: ours, plus the clerk each partner module brings; the README's table says the same.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { demoAccounts } from '../../../gateway/src/auth/demoUsers.js';
import { PARTNERS } from '../../support/registry.js';

const accounts = demoAccounts(PARTNERS);

describe('demo accounts', () => {
  test('each registered partner brings one partner_clerk of its own region', () => {
    for (const m of PARTNERS) {
      expect(accounts.filter((a) => a.region === m.region)).toEqual([{ ...m.demoClerk, region: m.region, roles: ['partner_clerk'] }]);
    }
  });

  test('the README’s table lists exactly the accounts that are seeded, with their passwords and regions', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('### Demo accounts'), readme.indexOf('They are seeded'));
    const rows = table.split('\n').filter((l) => /^\| [a-z][a-z-]*\d+ \|/.test(l)).map((l) => l.split('|').map((c) => c.trim()));
    expect(rows.map(([, username, password, , region, roles]) => ({ username, password, region, roles: roles!.split(/[ :(]/)[0]!.replace(/,$/, '') }))).toEqual(
      accounts.map(({ username, password, region, roles }) => ({ username, password, region, roles: roles[0] })),
    );
  });

  test('a partner’s clerk with a username already taken stops the start, naming it', () => {
    const [first] = PARTNERS;
    expect(() => demoAccounts([first!, { region: '999999', demoClerk: { ...first!.demoClerk } }])).toThrow(new RegExp(`demo account ${first!.demoClerk.username} is listed twice`));
  });
});
