// The tasks panel's queries (src/office/user-tasks.ts) through the real
// ews-javascript-api against the simulated Contoso over HTTPS: the Tasks
// folder and the project folders under it, mark complete, and a task
// changed on the server reported as a conflict (ErrorIrresolvableConflict
// for the stale ChangeKey), never overwritten.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BasePropertySet, ConflictResolutionMode, ItemId, PropertySet, Task, TaskSchema } from 'ews-javascript-api';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { EwsSession } from '../../src/office/ews-session';
import { OfficeCallError, type OfficeFailure } from '../../src/office/office-failure';
import { UserTasks } from '../../src/office/user-tasks';
import { contosoTopology } from '../simulator/contoso-topology';
import { SHARED_STATE_DIR } from '../simulator/shared-state';
import { EWS, ewsSessions, failureOf } from './ews-simulator';



describe('user tasks', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator(contosoTopology(), { stateDir: SHARED_STATE_DIR, seed: 11 });
  });
  after(() => sim.close());

  const { account, session, basic } = ewsSessions(() => sim);
  const tasksOf = (user = 'alice', s = basic(user)) => new UserTasks(s, account(user).signInName);

  test("alice's tasks: her own and her project's, with due date, status and percentage", async () => {
    const list = await tasksOf().list();
    assert.equal(list.truncated, false);
    const own = list.tasks.filter((t) => !t.source);
    const project = list.tasks.filter((t) => t.source);
    assert.equal(own.length, 120);
    assert.ok(project.length > 0, 'the project folder under Tasks is read too');
    assert.ok(project.every((t) => t.source?.kind === 'project' && /^Project /.test(t.source.name)), JSON.stringify(project[0]));
    assert.equal(new Set(list.tasks.map((t) => t.id)).size, list.tasks.length);
    const states = new Set(list.tasks.map((t) => t.status));
    for (const s of ['NotStarted', 'InProgress', 'Completed']) assert.ok(states.has(s as never), s);
    for (const t of list.tasks) {
      assert.ok(t.changeKey && t.subject, JSON.stringify(t));
      assert.ok(t.percentComplete >= 0 && t.percentComplete <= 100);
      if (t.status === 'Completed') assert.equal(t.percentComplete, 100);
      if (t.due) assert.ok(!Number.isNaN(Date.parse(t.due)));
    }
  });

  test('mark complete: the server has it completed at 100%, with a new ChangeKey', async () => {
    const tasks = tasksOf('bob');
    const open = (await tasks.list()).tasks.find((t) => t.status === 'InProgress')!;
    const result = await tasks.markComplete(open.id, open.changeKey);
    assert.equal(result.outcome, 'completed');
    assert.deepEqual([result.task.status, result.task.percentComplete], ['Completed', 100]);
    assert.notEqual(result.task.changeKey, open.changeKey);
    const again = (await tasks.list()).tasks.find((t) => t.id === open.id)!;
    assert.deepEqual([again.status, again.changeKey], ['Completed', result.task.changeKey]);
  });

  test('a task changed on the server since it was read is reported as a conflict and not overwritten', async () => {
    const tasks = tasksOf();
    const read = (await tasks.list()).tasks.find((t) => t.status === 'NotStarted' && !t.source)!;
    // Someone else (Outlook, another panel) moves the task on meanwhile.
    const other = basic('alice');
    await other.run('UpdateItem', async (service) => {
      const t = await Task.Bind(service, new ItemId(read.id), new PropertySet(BasePropertySet.IdOnly, [TaskSchema.PercentComplete]));
      t.PercentComplete = 50;
      await t.Update(ConflictResolutionMode.AutoResolve);
    });
    const result = await tasks.markComplete(read.id, read.changeKey);
    assert.equal(result.outcome, 'conflict');
    assert.deepEqual([result.task.status, result.task.percentComplete], ['InProgress', 50], 'the other change stands');
    assert.notEqual(result.task.changeKey, read.changeKey);
    // With the fresh ChangeKey the user's choice goes through.
    const retried = await tasks.markComplete(read.id, result.task.changeKey);
    assert.equal(retried.outcome, 'completed');
  });

  test('NTLM and a bearer token read the same tasks', async () => {
    const a = account('alice');
    const viaNtlm = await tasksOf('alice', session({ kind: 'ntlm', user: a.domainUserName, password: a.password })).list();
    const viaBearer = await tasksOf('alice', session({ kind: 'bearer', token: a.tokens.ews })).list();
    assert.deepEqual(viaNtlm, viaBearer);
    assert.ok(viaNtlm.tasks.length > 120);
  });

  test("another user's tasks are access-denied; an unknown address is no-such-mailbox; a wrong password is wrong-credentials", async () => {
    assert.deepEqual(await failureOf(new UserTasks(basic('carol'), account('alice').signInName).list()), { state: 'access-denied', mailbox: account('alice').signInName });
    assert.deepEqual(await failureOf(new UserTasks(basic(), 'nobody@contoso.com').list()), { state: 'no-such-mailbox', mailbox: 'nobody@contoso.com' });
    const f = await failureOf(tasksOf('alice', session({ kind: 'ntlm', user: account('alice').domainUserName, password: 'not-it' })).list());
    assert.equal(f.state, 'wrong-credentials');
  });

  describe('simulator faults', () => {
    const cases: Array<[string, (f: OfficeFailure) => void]> = [
      ['ews-server-busy:2500', (f) => assert.deepEqual([f.state, f.state === 'throttled' && f.backOffMs], ['throttled', 2500])],
      ['ews-busy-message:1200', (f) => assert.deepEqual([f.state, f.state === 'throttled' && f.backOffMs], ['throttled', 1200])],
      ['ews-unauthorized', (f) => assert.equal(f.state, 'wrong-credentials')],
      ['ews-server-error', (f) => assert.equal(f.state, 'malformed')],
      ['ews-silent', (f) => assert.deepEqual(f, { state: 'timeout', timeoutMs: 600, host: 'mail.contoso.com' })],
      ['untrusted-tls', (f) => assert.deepEqual([f.state, f.state === 'tls' && f.problem], ['tls', 'untrusted'])],
      ['wrong-host', (f) => assert.deepEqual([f.state, f.state === 'tls' && f.problem], ['tls', 'wrong-host'])],
    ];
    for (const [fault, check] of cases) {
      test(`${fault} is drawn as its own state`, async () => {
        await sim.setFaults('ex01', [fault]);
        try {
          check(await failureOf(tasksOf('alice', basic('alice', { timeoutMs: 600 })).list()));
        } finally {
          await sim.setFaults('ex01', []);
        }
      });
    }
    test('a closed port is unreachable; Basic over http is refused before sending', async () => {
      const f = await failureOf(tasksOf('alice', basic('alice', { connectTo: { 'mail.contoso.com:443': '127.0.0.1:1' } })).list());
      assert.deepEqual([f.state, f.state === 'unreachable' && f.code], ['unreachable', 'ECONNREFUSED']);
      assert.throws(
        () => new EwsSession({ url: 'http://mail.contoso.com/EWS/Exchange.asmx', auth: { kind: 'basic', user: 'alice@contoso.com', password: 'x' } }),
        (e: unknown) => e instanceof OfficeCallError && e.failure.state === 'insecure',
      );
    });
  });
});
