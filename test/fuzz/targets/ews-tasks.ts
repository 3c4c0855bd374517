// EWS answers through the tasks panel's reader and writer
// (src/office/user-tasks.ts): the list (FindFolder deep, FindItem per
// folder, each answer in turn the fuzzed one) and mark-complete (Bind,
// UpdateItem with the ChangeKey shown, Bind again), whose every answer is
// the fuzzed one, since no UpdateItem answer was captured.
import type { FuzzTarget } from '../framework/target';
import { MAX_TASKS, UserTasks } from '../../../src/office/user-tasks';
import { readTasksToView } from '../../../webview/protocol';
import { answeringSession, decodeSequence, encodeSequence, fuzzedBody, survived } from './ews-exchange';
import { ewsSamples, statuses } from './ews-response';

const sample = (name: string): string => ewsSamples().find((s) => s.name === name)!.body;
let answers: Record<string, string> | undefined;
const captured = (): Record<string, string> =>
  (answers ??= {
    // The captured FindFolder answer lists one subfolder: the root and it are then read.
    FindFolder: sample('response.lyncFolder.FindFolder.xml'),
    FindItem: sample('response.tasks.FindItem.xml'),
    fallback: sample('response.error.ErrorInvalidRequest.soapfault500.xml'),
  });

/** FindFolder, FindItem of the root, FindItem of the subfolder; step 255 is mark-complete. */
const CALLS = 3;
const COMPLETE = 255;

export const ewsTasks: FuzzTarget<Buffer> = {
  name: 'ews-tasks',
  count: 5_000,
  seed: 2223,
  deadlineMs: 3000,
  kind: 'bytes',
  generate(rng) {
    const complete = rng.chance(0.25);
    const step = complete ? COMPLETE : rng.int(CALLS);
    const base = step === 0 ? captured().FindFolder : captured().FindItem;
    return encodeSequence({ step, status: rng.pick(statuses), body: fuzzedBody(rng, base) });
  },
  async run(bytes) {
    const input = decodeSequence(bytes);
    const complete = input.step === COMPLETE;
    // Mark-complete: every answer is the input (a "sequence" of one call repeated).
    const { session, requests } = complete ? answeringSession(input, 1, {}) : answeringSession(input, CALLS, captured());
    const tasks = new UserTasks(session, 'alice@contoso.com');
    try {
      if (complete) {
        const result = await tasks.markComplete('AAMkTASK1', 'CKAAMkTASK1');
        if (result.outcome !== 'completed' && result.outcome !== 'conflict') throw new Error(`mark-complete answered ${JSON.stringify(result).slice(0, 200)}`);
        if (!readTasksToView({ type: result.outcome === 'completed' ? 'updated' : 'conflict', task: result.task })) throw new Error(`a completed task the webview refuses: ${JSON.stringify(result.task).slice(0, 300)}`);
      } else {
        const list = await tasks.list();
        if (list.tasks.length > MAX_TASKS) throw new Error(`${list.tasks.length} tasks, past the ${MAX_TASKS} read`);
        // The message the panel posts (tasks-panel.ts) must pass the webview's validator, or the whole list is dropped.
        if (!readTasksToView({ type: 'tasks', tasks: list.tasks, truncated: list.truncated })) throw new Error(`a task list the webview refuses: ${JSON.stringify(list.tasks.find((t) => !readTasksToView({ type: 'tasks', tasks: [t], truncated: false })) ?? list).slice(0, 300)}`);
      }
    } catch (error) {
      survived(error, complete ? 'mark-complete' : 'the tasks list');
    }
    // 101 folders (the FolderView's 100 and the root), each paged to 2,000 tasks in all: more is a loop the answer drove.
    if (requests() > 120) throw new Error(`the tasks panel made ${requests()} requests`);
  },
};
