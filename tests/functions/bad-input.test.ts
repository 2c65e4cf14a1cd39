/**
 * Bad input, generated from the action tables: every action of every function the hosts serve gets
 * fast-check payloads (fixed seed) that its schema refuses — wrong types, huge and deep values, prototype
 * keys, odd unicode, arrays where objects belong, unknown fields. Each must come back as an envelope with a
 * Chinese message (never a throw, never INTERNAL), and the database must be exactly as before.
 * A new action is covered by reading `inputs`; an action whose schema the generators do not understand fails.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { LOCAL_FUNCTIONS } from '../../cloudfunctions/_local/functions';
import type { DefinedFunction } from '../../cloudfunctions/_runtime/handler';
import { parseInput } from '../../src/domain/api/common';
import { ADMIN, makeWorld, openidOf, type FunctionWorld } from './harness';
import { databaseSnapshot } from './snapshot';

const SEED = 20261128;
const RUNS_PER_ACTION = 40;
const CJK = /[\u4e00-\u9fff]/;
/** Callers: validation comes before identity, so who calls must not matter. */
const CALLERS = [ADMIN, openidOf('m_H01002'), null];

let world: FunctionWorld;
beforeAll(async () => {
  world = await makeWorld();
});

type Entries = Record<string, v.GenericSchema>;
type SchemaShape = { type?: string; entries?: Entries; wrapped?: SchemaShape };

/** The payload schema's fields, or null when the action's schema is not a strict object (no generator). */
function entriesOf(schema: v.GenericSchema): Entries | null {
  const s = schema as unknown as SchemaShape;
  return s.type === 'strict_object' && s.entries ? s.entries : null;
}

const OBJECT_TYPES = new Set(['object', 'strict_object', 'loose_object', 'record', 'variant', 'union']);
function unwrap(schema: v.GenericSchema): SchemaShape {
  let s = schema as unknown as SchemaShape;
  while (s.wrapped) s = s.wrapped;
  return s;
}

const HUGE_TEXT = '党'.repeat(200_000);
const HUGE_ARRAY = Array.from({ length: 20_000 }, (_, i) => i);
const nest = (depth: number, leaf: unknown, asArray: boolean): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
};
/** Objects whose own keys are the ones that pollute prototypes when copied carelessly. */
const PROTO_OBJECTS = [
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"prototype": {"polluted": true}, "__proto__": null}'),
];
const ODD_TEXT = [
  '\u0000',
  '\uFEFF',
  '\u202E反转',
  '\uD800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'Ａ'.repeat(3),
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  ' \t\n ',
  '👨‍👩‍👧‍👦',
  'e\u0301',
  'null',
  '__proto__',
];

const oddText = fc.oneof(fc.constantFrom(...ODD_TEXT), fc.string({ unit: 'binary', maxLength: 30 }), fc.constant(HUGE_TEXT));
const hostile = fc.oneof(
  oddText,
  fc.constantFrom(...PROTO_OBJECTS),
  fc.constantFrom(HUGE_ARRAY, nest(3000, 1, true), nest(3000, 'x', false), -1, 1e308, -0, 0.5, Number.MAX_SAFE_INTEGER + 2, true, false, null),
  fc.jsonValue({ maxDepth: 4 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
);
const badKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '\u0000', '键'.repeat(500)), fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }));

/** An object with own property `key` (also `__proto__`, which a literal would turn into a prototype). */
function withKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...base };
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  return out;
}

/** Some fields filled with hostile values (each may or may not pass alone; the payload is bad elsewhere). */
const someFields = (entries: Entries) =>
  fc.dictionary(fc.constantFrom(...Object.keys(entries).concat('__none__')), hostile, { maxKeys: 3 }).map((d) => {
    delete d.__none__;
    return d;
  });

/** Payloads the action's schema must refuse, in families; `isBad` double-checks each one. */
function badPayloads(entries: Entries): fc.Arbitrary<unknown> {
  const keys = Object.keys(entries);
  const families: Array<fc.Arbitrary<unknown>> = [
    // Not an object at all: arrays (also `[]`), scalars, text, deep values.
    fc.oneof(fc.constant([]), fc.array(hostile, { maxLength: 3 }), oddText, fc.double(), fc.boolean(), fc.constant(nest(3000, [], true))),
    // A field the action does not have, prototype keys first among them.
    fc.tuple(someFields(entries), badKey.filter((k) => !keys.includes(k)), hostile).map(([base, key, value]) => withKey(base, key, value)),
  ];
  if (keys.length) {
    // One field with a value its own schema refuses (wrong type, huge, deep, odd), others anything.
    families.push(
      fc
        .tuple(someFields(entries), fc.constantFrom(...keys), hostile)
        .filter(([, key, value]) => !v.safeParse(entries[key], value).success)
        .map(([base, key, value]) => withKey(base, key, value)),
    );
    // An array where the schema expects an object (audience, resume, answers...).
    const objectKeys = keys.filter((k) => OBJECT_TYPES.has(unwrap(entries[k]).type ?? ''));
    if (objectKeys.length) {
      families.push(fc.tuple(someFields(entries), fc.constantFrom(...objectKeys), fc.array(hostile, { maxLength: 2 })).map(([base, key, value]) => withKey(base, key, value)));
    }
  }
  return fc.oneof(...families);
}

const functions = Object.entries(LOCAL_FUNCTIONS) as Array<[string, DefinedFunction]>;

describe('bad input', () => {
  it('every served function exposes its action table', () => {
    expect(functions.map(([name]) => name).sort()).toEqual(['chat', 'lessons', 'meetings', 'notices', 'org']);
    for (const [name, fn] of functions) {
      expect(fn.functionName).toBe(name);
      expect(Object.keys(fn.inputs).length).toBeGreaterThan(0);
    }
  });

  it('unknown actions, including prototype names, get a Chinese envelope', async () => {
    const before = await databaseSnapshot(world.storage);
    for (const [, fn] of functions) {
      for (const action of ['constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'ME', '\u202Eme', 5, null, ['me'], { a: 1 }]) {
        const res = await fn({ action, data: {} } as never, { ...contextOf(world), openid: ADMIN });
        expect(res).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
        expect((res as { message: string }).message).toMatch(CJK);
      }
    }
    expect(await databaseSnapshot(world.storage)).toEqual(before);
  });

  for (const [name, fn] of functions) {
    describe(name, () => {
      for (const action of Object.keys(fn.inputs)) {
        it(`${action}: refuses bad payloads with a Chinese message and writes nothing`, async () => {
          const entries = entriesOf(fn.inputs[action]);
          if (!entries) throw new Error(`${name}.${action}: no bad-input generator for a schema of type ${String((fn.inputs[action] as SchemaShape).type)}`);
          const before = await databaseSnapshot(world.storage);
          let n = 0;
          await fc.assert(
            fc.asyncProperty(badPayloads(entries), async (data) => {
              // The generators must only produce what the contract refuses.
              expect(() => parseInput(fn.inputs[action], data)).toThrow();
              const caller = CALLERS[n++ % CALLERS.length];
              const res = await world.call(fn, caller, action, data);
              expect(res.ok).toBe(false);
              if (res.ok) return;
              expect(res.code).not.toBe('INTERNAL');
              expect(res.message).toMatch(CJK);
              expect(res.message.length).toBeLessThan(200);
            }),
            { seed: SEED, numRuns: RUNS_PER_ACTION, endOnFailure: true },
          );
          expect(await databaseSnapshot(world.storage)).toEqual(before);
          // Nothing leaked onto Object.prototype from `__proto__` / `constructor.prototype` payloads.
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        });
      }
    });
  }
});

function contextOf(w: FunctionWorld) {
  return { openid: null, storage: w.storage, now: w.clock.now, randomBytes: (n: number) => Buffer.alloc(n, 7), demo: true, wechat: w.wechat, files: w.files, channels: w.channels };
}
