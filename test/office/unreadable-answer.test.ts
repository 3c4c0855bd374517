// What ews-javascript-api throws when an answer is no envelope: a TypeError
// from inside its XML walk, bare or relabelled ErrorInternalServerError.
// classifyEwsError shows it as an unreadable answer, not a network failure
// or a server fault; a real fault or a network error keeps its kind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyEwsError } from '../../src/office/ews-connection';

test("the library's TypeError on an answer that is no envelope is a bad response", () => {
  const bare = classifyEwsError({ message: "The request failed. Cannot read properties of null (reading 'Header')" });
  assert.equal(bare.kind, 'bad-response');
  assert.equal(bare.message, "the answer is not a readable EWS response (Cannot read properties of null (reading 'Header'))");
  const relabelled = classifyEwsError({ message: "ErrorInternalServerError: Cannot read properties of null (reading 'nodeType')", ErrorCode: 'ErrorInternalServerError' });
  assert.equal(relabelled.kind, 'bad-response');
});

test('a real server fault and a network failure keep their kinds', () => {
  assert.equal(classifyEwsError({ message: 'The mailbox was not found', ErrorCode: 'ErrorNonExistentMailbox' }).kind, 'fault');
  assert.equal(classifyEwsError({ message: 'connect ECONNREFUSED 127.0.0.1:443' }).kind, 'network');
  // A 401 whose body could not be read is still a refusal of the credentials.
  assert.equal(classifyEwsError({ message: 'Cannot read properties of undefined', status: 401 }).kind, 'auth');
});
