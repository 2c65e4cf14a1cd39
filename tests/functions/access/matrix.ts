import type { FunctionHandler } from '../../../cloudfunctions/_runtime/handler';
import { makeScene, PERSONAS, snapshot, type Persona, type Scene } from './scene';

/** `ok` = allowed and done; otherwise the error code the caller must get. */
export type Outcome = 'ok' | string;

export interface AccessRow {
  /** The payload, per caller where allowed calls in one scene would otherwise collide (unique names). */
  input: (s: Scene, who: Persona) => unknown;
  expect: Record<Persona, Outcome>;
  /** Each allowed caller gets a fresh scene (the action has a cooldown or consumes its target). */
  fresh?: boolean;
  /** Extra state this row needs, added to every scene it runs in. */
  prepare?: (s: Scene) => Promise<void>;
}

/** Rows start from this: no token → UNAUTHENTICATED, a token not bound to a member → NOT_BOUND. */
export const row = (allowed: Partial<Record<Persona, Outcome>>, rest: Outcome = 'FORBIDDEN'): Record<Persona, Outcome> => {
  const out = {} as Record<Persona, Outcome>;
  for (const p of PERSONAS) out[p] = p === 'none' ? 'UNAUTHENTICATED' : p === 'unbound' ? 'NOT_BOUND' : rest;
  return { ...out, ...allowed };
};
export const officersOfA = { secretaryA: 'ok', committeeA: 'ok', admin: 'ok' } as const;
export const everyoneBound = { memberA1: 'ok', memberA2: 'ok', memberB: 'ok', secretaryA: 'ok', secretaryB: 'ok', committeeA: 'ok', admin: 'ok' } as const;

/**
 * Runs one function's table: the table must list exactly the function's actions (a new action without
 * its row fails), and for each action every persona gets the expected outcome. Refused calls run first
 * and the whole database (and the WeChat outbox) is compared after each: a refused call writes nothing.
 */
export function accessMatrix(fnName: string, fn: FunctionHandler, actions: readonly string[], table: Record<string, AccessRow>): void {
  describe(`${fnName} access matrix`, () => {
    it('has a row for every action of the function, and none for actions it lacks', () => {
      expect(Object.keys(table).sort()).toEqual([...actions].sort());
    });

    for (const action of actions) {
      const entry = table[action];
      if (!entry) continue;
      it(`${action}: every caller gets the expected answer; refused calls write nothing`, async () => {
        const sceneFor = async () => {
          const s = await makeScene();
          await entry.prepare?.(s);
          return s;
        };
        const scene = await sceneFor();
        const got = {} as Record<Persona, Outcome>;
        const wrote: string[] = [];
        const refused = PERSONAS.filter((p) => entry.expect[p] !== 'ok');
        const allowed = PERSONAS.filter((p) => entry.expect[p] === 'ok');
        const outcome = async (s: Scene, who: Persona) => {
          const res = await s.world.call(fn, s.openid[who], action, entry.input(s, who));
          return res.ok ? 'ok' : res.code;
        };
        for (const who of refused) {
          const before = await snapshot(scene.world);
          got[who] = await outcome(scene, who);
          if ((await snapshot(scene.world)) !== before) wrote.push(who);
        }
        for (const who of allowed) got[who] = await outcome(entry.fresh ? await sceneFor() : scene, who);
        expect(got).toEqual(entry.expect);
        expect(wrote).toEqual([]);
      });
    }
  });
}
