// One simulator state folder (CA and kept keys) for the test files that do
// not test the state folder itself: generating RSA keys is the slowest part
// of starting a simulator, and several test files start one at once.
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const SHARED_STATE_DIR = join(tmpdir(), `office-farm-simulator-tests-${userInfo().uid}`);
