import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import type { FastifyBaseLogger, FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError, serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { $ZodType, safeEncode } from 'zod/v4/core';

// A profile showed zod's safeEncode of each response (fastify-type-provider-zod's serializer)
// as the largest cost the API adds over its SQL (~0.9 ms per inbox page of 50 rows). Here each
// response schema becomes a JSON Schema once and fast-json-stringify compiles it once into a
// function that writes the JSON directly, without walking the data through zod first.

type Serialize = (data: unknown) => string;
type JsonSchema = Record<string, unknown>;

interface Compiled {
  /** The compiled writer, or null when this schema stays on zod (see `fallback`). */
  fast: Serialize | null;
  fallback?: string;
}

/** One route/status the compiler was asked for: what the tests walk. */
export interface CompiledResponse {
  method: string;
  url: string;
  status: string;
  schema: $ZodType;
  fallback?: string;
}

// By schema object: many routes share a contract schema (ZCorrespondence answers several).
const bySchema = new WeakMap<$ZodType, Compiled>();

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's serializer compiler (app.ts), which lists what it compiled. */
    responseSerializer: ResponseSerializerCompiler;
  }
}

/** Fastify's serializer compiler, with the routes/statuses it compiled for its app (tests). */
export type ResponseSerializerCompiler = FastifySerializerCompiler<unknown> & {
  readonly compiled: readonly CompiledResponse[];
};

/**
 * The JSON Schema fast-json-stringify writes from. `io: 'output'` because the data handed to the
 * serializer is what a presenter returns; draft-7 because fast-json-stringify validates its
 * anyOf/oneOf branches with Ajv's default draft (tuples as `items: [...]`, `definitions`).
 * `unrepresentable: 'any'` turns a z.date() or z.custom() into `{}`, which fast-json-stringify
 * writes with JSON.stringify, exactly as before.
 */
export function toSerializationSchema(schema: $ZodType): { jsonSchema: JsonSchema; refusal?: string } {
  let refusal: string | undefined;
  const jsonSchema = z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-7',
    unrepresentable: 'any',
    override: ({ zodSchema }) => {
      const def = zodSchema._zod.def as { type: string; reverseTransform?: unknown };
      // A transform cannot be encoded (zod throws); a codec's wire form is its *input* side,
      // which an output-side JSON Schema would not describe: both stay on zod.
      if (def.type === 'transform') refusal ??= 'a transform in the response schema';
      if (def.type === 'pipe' && def.reverseTransform) refusal ??= 'a codec in the response schema';
    },
  }) as JsonSchema;
  delete jsonSchema.$schema;
  simplify(jsonSchema);
  return { jsonSchema, refusal };
}

const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);

// Two rewrites of zod's output, neither changing what is written for valid data:
// - zod marks every z.object `additionalProperties: false` in output mode. fast-json-stringify
//   writes only declared properties without it (unknown keys are dropped, as zod strips them),
//   but inside an anyOf/oneOf (nullable, unions) it picks the branch with Ajv, which would then
//   *reject* an object carrying an extra key and answer a 500 where zod stripped it.
// - a nullable scalar (`anyOf: [{ type: 'string' }, { type: 'null' }]`) becomes
//   `type: ['string', 'null']`, which fast-json-stringify tells apart with a null check
//   instead of running an Ajv validation (pattern, format) of the branch on every value.
function simplify(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) simplify(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as JsonSchema;
  if (record.additionalProperties === false) delete record.additionalProperties;
  const branches = record.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(branches) && branches.length === 2) {
    const nullAt = branches.findIndex((b) => b.type === 'null' && Object.keys(b).length === 1);
    const other = branches[1 - nullAt];
    if (nullAt !== -1 && other && typeof other.type === 'string' && SCALARS.has(other.type) && !other.$ref) {
      delete record.anyOf;
      Object.assign(record, other, { type: [other.type, 'null'] });
      // An enclosing anyOf branch is still checked by Ajv: null must stay an allowed value.
      if (Array.isArray(other.enum)) record.enum = [...other.enum, null];
      if ('const' in other) {
        delete record.const;
        record.enum = [other.const, null];
      }
    }
  }
  for (const value of Object.values(record)) simplify(value);
}

/** Compiles (once per schema object) the fast writer of a zod response schema. */
export function compileResponseSchema(schema: $ZodType): Compiled {
  const cached = bySchema.get(schema);
  if (cached) return cached;
  let compiled: Compiled;
  try {
    const { jsonSchema, refusal } = toSerializationSchema(schema);
    compiled = refusal ? { fast: null, fallback: refusal } : { fast: fastJson(jsonSchema) as Serialize };
  } catch (error) {
    compiled = { fast: null, fallback: `not compiled: ${(error as Error).message}` };
  }
  bySchema.set(schema, compiled);
  return compiled;
}

/** What zod-then-JSON.stringify wrote before (the reference the fast writer must match). */
export function serializeWithZod(schema: $ZodType, data: unknown, method: string, url: string): string {
  const result = safeEncode(schema, data);
  if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
  return JSON.stringify(result.data);
}

function resolveSchema(maybeSchema: unknown): $ZodType | null {
  if (maybeSchema instanceof $ZodType) return maybeSchema;
  const properties = (maybeSchema as { properties?: unknown } | null)?.properties;
  return properties instanceof $ZodType ? properties : null;
}

export interface ResponseSerializerOptions {
  log?: FastifyBaseLogger;
  /**
   * Also run zod's safeEncode on every response and check the fast writer's JSON against it.
   * On in tests (Vitest sets NODE_ENV=test): a presenter that returns something off-contract
   * must still fail its test with the same ResponseSerializationError as before, and every API
   * test doubles as a differential test of the fast writer. Off in production and in the
   * benchmarks, where that check is the very cost this serializer removes.
   */
  check?: boolean;
}

/** Fastify's serializer compiler: called once per route and status code. */
export function createResponseSerializerCompiler(options: ResponseSerializerOptions = {}): ResponseSerializerCompiler {
  const check = options.check ?? process.env.NODE_ENV === 'test';
  // Per compiler, so per app: the test workers build many apps in one process.
  const compiledRoutes: CompiledResponse[] = [];
  const compiler: FastifySerializerCompiler<unknown> = (routeSchema) => {
    const { method, url, httpStatus } = routeSchema;
    const schema = resolveSchema(routeSchema.schema);
    // Not a zod schema: the zod compiler answers as before (it throws InvalidSchemaError).
    if (!schema) return zodSerializerCompiler(routeSchema as Parameters<typeof zodSerializerCompiler>[0]);
    const known = bySchema.has(schema);
    const { fast, fallback } = compileResponseSchema(schema);
    compiledRoutes.push({ method, url, status: String(httpStatus), schema, fallback });
    if (fallback && !known) options.log?.warn({ method, url, reason: fallback }, 'response serialized by zod');
    if (!fast) return (data) => serializeWithZod(schema, data, method, url);
    if (!check) return fast;
    return (data) => {
      const reference = serializeWithZod(schema, data, method, url);
      const json = fast(data);
      if (json !== reference && !isDeepStrictEqual(JSON.parse(json), JSON.parse(reference))) {
        throw new Error(`fast serializer differs from zod on ${method} ${url}: ${json} vs ${reference}`);
      }
      return json;
    };
  };
  return Object.assign(compiler, { compiled: compiledRoutes });
}
