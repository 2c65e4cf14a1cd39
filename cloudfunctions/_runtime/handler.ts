import * as v from 'valibot';
import { parseInput } from '../../src/domain/api/common';
import { fail, ok, type Envelope } from '../../src/domain/shared/envelope';
import { AppError, ERROR_MESSAGES } from '../../src/domain/shared/errors';
import { DuplicateKeyError } from './storage/port';
import type { FunctionContext, FunctionEvent } from './context';

export type ActionHandler<S extends v.GenericSchema, R> = (input: v.InferOutput<S>, ctx: FunctionContext) => Promise<R>;

export type ActionTable<I extends Record<string, v.GenericSchema>> = {
  [A in keyof I]: ActionHandler<I[A], unknown>;
};

export type FunctionHandler = (event: FunctionEvent, ctx: FunctionContext) => Promise<Envelope<unknown>>;

/** A function built by defineFunction: it also tells its actions and their input schemas (tests read them). */
export type DefinedFunction<I extends Record<string, v.GenericSchema> = Record<string, v.GenericSchema>> = FunctionHandler & {
  readonly functionName: string;
  readonly inputs: Readonly<I>;
};

/**
 * Builds a function from its input schemas and action handlers: refuses unknown actions and malformed
 * payloads before any handler runs, and turns every error into the one envelope.
 */
export function defineFunction<I extends Record<string, v.GenericSchema>>(
  name: string,
  inputs: I,
  actions: ActionTable<I>,
  log: (msg: string, err: unknown) => void = (msg, err) => console.error(msg, err),
): DefinedFunction<I> {
  const known = (action: string) => Object.prototype.hasOwnProperty.call(inputs, action) && Object.prototype.hasOwnProperty.call(actions, action);
  const handler: FunctionHandler = async (event, ctx) => {
    const action = typeof event?.action === 'string' ? event.action : '';
    // Own keys only: `constructor` or `__proto__` must not reach Object.prototype.
    if (!known(action)) {
      return fail('UNKNOWN_ACTION', ERROR_MESSAGES.UNKNOWN_ACTION, { action });
    }
    try {
      const input = parseInput(inputs[action], event.data);
      const data = await actions[action](input, ctx);
      return ok(data);
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message, err.details);
      // A unique key lost a race with another request: the caller should refresh and retry.
      if (err instanceof DuplicateKeyError) return fail('CONFLICT', ERROR_MESSAGES.CONFLICT);
      log(`[${name}.${action}] unexpected error`, err);
      return fail('INTERNAL', ERROR_MESSAGES.INTERNAL);
    }
  };
  return Object.assign(handler, { functionName: name, inputs });
}
