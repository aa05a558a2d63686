// Open remote-window sessions on SQL (store/sql/openSessions.ts): what the evidence opens is noted, what
// it ends is struck off, and after a crash each instance reads back the sessions it hosted, no other's.
import { afterEach, describe, expect, test } from 'vitest';
import { createOpenSessionJournal, type SessionEvidence } from '../../../gateway/src/store/sql/openSessions.js';
import { ENGINES, testDatabase, type TestDatabase } from '../../support/sqlDatabases.js';

let database: TestDatabase | undefined;
afterEach(async () => { await database?.close(); database = undefined; });

const at = (s: number): string => new Date(Date.parse('2026-03-01T08:00:00Z') + s * 1000).toISOString();
const created = (sessionId: string, caseId: string | undefined, s = 0): SessionEvidence => ({ type: 'session.created', sessionId, ...(caseId ? { caseId } : {}), at: at(s) });
const ended = (sessionId: string, caseId: string | undefined, s = 60): SessionEvidence => ({ type: 'session.ended', sessionId, ...(caseId ? { caseId } : {}), at: at(s) });

describe.each(ENGINES)('open remote sessions on %s', (engine) => {
  test('a session of a case is noted when created and struck off when ended; walk-ins and other events are not noted', async () => {
    database = await testDatabase(engine, 'sessions');
    const journal = createOpenSessionJournal(await database.open(), { instanceId: 'gw-a' });
    journal.observe(created('s1', 'case-1', 1));
    journal.observe(created('s2', 'case-2', 2));
    journal.observe(created('walk-in', undefined));
    journal.observe({ type: 'session.joined', sessionId: 's3', caseId: 'case-3', at: at(3) });
    // an end right behind its start does not overtake it
    journal.observe(created('s4', 'case-4', 4));
    journal.observe(ended('s4', 'case-4'));
    await journal.settled();
    expect(await journal.load()).toEqual([
      { sessionId: 's1', caseId: 'case-1', openedAt: at(1) },
      { sessionId: 's2', caseId: 'case-2', openedAt: at(2) },
    ]);
    journal.observe(ended('s1', 'case-1'));
    await journal.settled();
    expect((await journal.load()).map((s) => s.sessionId)).toEqual(['s2']);
  });

  test('after a crash each instance reads back its own open sessions, which stay noted until their end is observed', async () => {
    database = await testDatabase(engine, 'sessions_crash');
    const [a, b] = await database.instances();
    const onA = createOpenSessionJournal(a, { instanceId: 'gw-a' });
    const onB = createOpenSessionJournal(b, { instanceId: 'gw-b' });
    onA.observe(created('sa', 'case-1', 1));
    onB.observe(created('sb', 'case-2', 2));
    await Promise.all([onA.settled(), onB.settled()]);
    // a ends only its own: an end observed on a for b's session changes nothing
    onA.observe(ended('sb', 'case-2'));
    await onA.settled();
    await a.close();
    if (b !== a) await b.close();

    const again = await database.open();
    const restartedA = createOpenSessionJournal(again, { instanceId: 'gw-a' });
    expect(await restartedA.load()).toEqual([{ sessionId: 'sa', caseId: 'case-1', openedAt: at(1) }]);
    expect(await restartedA.load()).toHaveLength(1);
    restartedA.observe(ended('sa', 'case-1'));
    await restartedA.settled();
    expect(await restartedA.load()).toEqual([]);
    expect(await createOpenSessionJournal(again, { instanceId: 'gw-b' }).load()).toEqual([{ sessionId: 'sb', caseId: 'case-2', openedAt: at(2) }]);
  });

  test('two instances noting 100 sessions at once, half of them ended: each reads back exactly its own open ones', async () => {
    database = await testDatabase(engine, 'sessions_race');
    const [a, b] = await database.instances();
    const journals = [createOpenSessionJournal(a, { instanceId: 'gw-a' }), createOpenSessionJournal(b, { instanceId: 'gw-b' })];
    for (let i = 0; i < 100; i++) journals[i % 2]!.observe(created(`s${String(i).padStart(3, '0')}`, `case-${i}`, i));
    for (let i = 0; i < 100; i += 4) journals[i % 2]!.observe(ended(`s${String(i).padStart(3, '0')}`, `case-${i}`));
    for (let i = 1; i < 100; i += 4) journals[i % 2]!.observe(ended(`s${String(i).padStart(3, '0')}`, `case-${i}`));
    await Promise.all(journals.map((j) => j.settled()));
    const open = (parity: number) => Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 2 === parity && i % 4 >= 2).map((i) => `s${String(i).padStart(3, '0')}`);
    expect((await journals[0]!.load()).map((s) => s.sessionId)).toEqual(open(0));
    expect((await journals[1]!.load()).map((s) => s.sessionId)).toEqual(open(1));
  });

  test('a write that fails is reported, and the journal carries on', async () => {
    database = await testDatabase(engine, 'sessions_error');
    const d = await database.open();
    const errors: string[] = [];
    const journal = createOpenSessionJournal(d, { instanceId: 'gw-a', onError: (_err, e) => errors.push(`${e.type} ${e.sessionId}`) });
    journal.observe(created('s1', 'case-1'));
    await journal.settled();
    await d.close();
    journal.observe(created('s2', 'case-2'));
    await journal.settled();
    expect(errors).toEqual(['session.created s2']);
  });
});
