// EWS answers through the contacts panel's reader (src/office/lync-contacts.ts):
// FindFolder for the Lync Contacts folder, FindItem pages, GetItem of the
// groups, each answer in turn the fuzzed one (ews-exchange.ts).
import type { FuzzTarget } from '../framework/target';
import { LyncContacts, MAX_CONTACT_ITEMS } from '../../../src/office/lync-contacts';
import { readContactsToView } from '../../../webview/protocol';
import { answeringSession, decodeSequence, encodeSequence, fuzzedBody, survived } from './ews-exchange';
import { ewsSamples, statuses } from './ews-response';

const sample = (name: string): string => ewsSamples().find((s) => s.name === name)!.body;
let answers: Record<string, string> | undefined;
const captured = (): Record<string, string> =>
  (answers ??= {
    FindFolder: sample('response.lyncContacts.FindFolder.xml'),
    FindItem: sample('response.lyncContacts.FindItem.xml'),
    // No group's GetItem was captured: a message's answer stands in, which is a server answering the wrong item type.
    GetItem: sample('response.bodyBind.GetItem.xml'),
    fallback: sample('response.error.ErrorInvalidRequest.soapfault500.xml'),
  });

/** FindFolder, FindItem, and GetItem when the page holds groups. */
const CALLS = 3;

export const ewsContacts: FuzzTarget<Buffer> = {
  name: 'ews-contacts',
  count: 5_000,
  seed: 2222,
  deadlineMs: 3000,
  kind: 'bytes',
  generate(rng) {
    const step = rng.int(CALLS);
    const base = [captured().FindFolder, captured().FindItem, captured().GetItem][step];
    return encodeSequence({ step, status: rng.pick(statuses), body: fuzzedBody(rng, base) });
  },
  async run(bytes) {
    const input = decodeSequence(bytes);
    const { session, requests } = answeringSession(input, CALLS, captured());
    try {
      const list = await new LyncContacts(session, 'alice@contoso.com').list();
      if (list.contacts.length + list.groups.length > MAX_CONTACT_ITEMS) throw new Error(`${list.contacts.length} contacts and ${list.groups.length} groups, past the ${MAX_CONTACT_ITEMS} read`);
      // The message the panel posts (contacts-panel.ts) must pass the webview's validator, or the whole list is dropped.
      const message = { type: 'contacts', found: list.folder !== undefined, contacts: list.contacts.map((c) => ({ ...c, presence: {} })), groups: list.groups, truncated: list.truncated };
      if (!readContactsToView(message)) throw new Error(`a contact list the webview refuses: ${JSON.stringify(message).slice(0, 400)}`);
    } catch (error) {
      survived(error, 'the contacts list');
    }
    // Pages of 200 up to 2,000 items, a FindFolder and one GetItem: more requests is a loop the answer drove.
    if (requests() > 12) throw new Error(`the contacts list made ${requests()} requests`);
  },
};
