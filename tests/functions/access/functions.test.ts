import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCAL_FUNCTIONS } from '../../../cloudfunctions/_local/functions';

/**
 * The access matrix covers every function: each one callable by a client (the local host's table, the
 * same handlers CloudBase runs) has its table file here, and every deployed function is one of those or
 * the scheduler, which only the timer may run (cloudTimerMain refuses any OPENID; see
 * tests/contract/cloud-entry.test.ts). A new function fails here until it has its matrix.
 */
const MATRIX_FILES: Record<string, string> = {
  org: 'org-access.test.ts',
  notices: 'notices-access-matrix.test.ts',
  lessons: 'lessons-access.test.ts',
  chat: 'chat-access.test.ts',
  meetings: 'meetings-access.test.ts',
};
const TIMER_ONLY = ['scheduler'];
const root = path.resolve(__dirname, '../../..');

describe('access matrix coverage', () => {
  it('has a matrix for every function a client can call', () => {
    expect(Object.keys(LOCAL_FUNCTIONS).sort()).toEqual(Object.keys(MATRIX_FILES).sort());
    for (const [fn, file] of Object.entries(MATRIX_FILES)) {
      const source = readFileSync(path.join(__dirname, file), 'utf8');
      expect(source).toContain(`accessMatrix('${fn}', `);
    }
  });

  it('every deployed function is in the matrix or runs only from the timer', () => {
    const deployed = (JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')).functions as Array<{ name: string }>).map((f) => f.name);
    expect(deployed.sort()).toEqual([...Object.keys(MATRIX_FILES), ...TIMER_ONLY].sort());
    for (const fn of TIMER_ONLY) {
      expect(readFileSync(path.join(root, 'cloudfunctions', fn, 'src/index.ts'), 'utf8')).toMatch(/export const main = cloudTimerMain\(/);
    }
  });
});
