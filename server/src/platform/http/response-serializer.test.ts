import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import {
  compileResponseSchema,
  createResponseSerializerCompiler,
  serializeWithZod,
  toSerializationSchema,
} from './response-serializer';

// The fast writer replaces zod's encode of every response: it must send no more than the
// contract (zod stripped unknown keys) and the same JSON as zod for valid data.

const ZAuthor = z.object({ id: z.string(), name: z.string() });
const ZRow = z.object({
  id: z.string(),
  subject: z.string(),
  author: ZAuthor.nullable(),
  assignee: z.union([ZAuthor, z.object({ serviceId: z.string() })]),
  tags: z.array(z.strictObject({ label: z.string() })),
  dueOn: z.string().nullable().optional(),
});
const ZPage = z.object({ data: z.array(ZRow), nextCursor: z.string().nullable() });

const compile = (schema: $ZodType, check = false) =>
  createResponseSerializerCompiler({ check })({ schema, method: 'GET', url: '/api/v1/test', httpStatus: '200' });

const leaky = () => ({
  passwordHash: 'top',
  nextCursor: null,
  data: [
    {
      id: 'r1',
      subject: 'Voirie',
      passwordHash: 'row',
      author: { id: 'u1', name: 'Ana', passwordHash: 'nullable branch' },
      assignee: { serviceId: 's1', passwordHash: 'union branch' },
      tags: [{ label: 'urgent', passwordHash: 'strict' }],
    },
    {
      id: 'r2',
      subject: 'Écoles',
      author: null,
      assignee: { id: 'u2', name: 'Léo', passwordHash: 'first union branch' },
      tags: [],
      dueOn: '2026-05-01',
    },
  ],
});

describe('response serializer', () => {
  it('never sends a property the contract does not declare, at any depth or union branch', () => {
    const json = compile(ZPage)(leaky());
    expect(json).not.toContain('passwordHash');
    expect(JSON.parse(json)).toEqual({
      nextCursor: null,
      data: [
        {
          id: 'r1',
          subject: 'Voirie',
          author: { id: 'u1', name: 'Ana' },
          assignee: { serviceId: 's1' },
          tags: [{ label: 'urgent' }],
        },
        {
          id: 'r2',
          subject: 'Écoles',
          author: null,
          assignee: { id: 'u2', name: 'Léo' },
          tags: [],
          dueOn: '2026-05-01',
        },
      ],
    });
  });

  it('writes the same JSON as zod encode + JSON.stringify for valid data', () => {
    const page = leaky();
    // The strict tag object is valid for zod only without its extra key.
    const data = {
      ...page,
      data: page.data.map((row) => ({ ...row, tags: row.tags.map(({ label }) => ({ label })) })),
    };
    const fast = compile(ZPage)(data);
    expect(JSON.parse(fast)).toEqual(JSON.parse(serializeWithZod(ZPage, data, 'GET', '/')));
  });

  it('keeps objects open only where zod keeps them open (looseObject, record)', () => {
    const closed = toSerializationSchema(z.object({ a: z.string() })).jsonSchema;
    expect(closed).toEqual({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] });
    const strict = toSerializationSchema(z.strictObject({ a: z.string() })).jsonSchema;
    expect(strict.additionalProperties).toBeUndefined();
    expect(toSerializationSchema(z.looseObject({ a: z.string() })).jsonSchema.additionalProperties).toEqual({});
    const ZCounts = z.record(z.string(), z.object({ n: z.number() }));
    const counts = { open: { n: 2, passwordHash: 'x' }, closed: { n: 0 } };
    expect(JSON.parse(compile(ZCounts)(counts))).toEqual({ open: { n: 2 }, closed: { n: 0 } });
  });

  it('follows $refs of recursive and registered schemas', () => {
    interface Node {
      name: string;
      children: Node[];
    }
    const ZNode: z.ZodType<Node> = z.object({
      name: z.string(),
      get children() {
        return z.array(ZNode);
      },
    });
    const tree = {
      name: 'a',
      secret: 1,
      children: [{ name: 'b', children: [{ name: 'c', secret: 2, children: [] }] }],
    };
    expect(JSON.parse(compile(ZNode)(tree))).toEqual({
      name: 'a',
      children: [{ name: 'b', children: [{ name: 'c', children: [] }] }],
    });
    const ZShared = z.object({ id: z.string() }).meta({ id: 'ResponseSerializerTestShared' });
    const ZPair = z.object({ a: ZShared, b: z.array(ZShared).nullable() });
    expect(compile(ZPair)({ a: { id: '1', x: 1 }, b: [{ id: '2', x: 2 }] })).toBe('{"a":{"id":"1"},"b":[{"id":"2"}]}');
  });

  it('accepts null in a nullable enum or literal inside a nullable object (an Ajv-checked branch)', () => {
    const ZReply = z.object({
      reply: z
        .object({ sendMethod: z.enum(['email', 'post']).nullable(), kind: z.literal('reply').nullable() })
        .nullable(),
    });
    for (const reply of [{ sendMethod: null, kind: null }, { sendMethod: 'post', kind: 'reply' }, null]) {
      expect(JSON.parse(compile(ZReply, true)({ reply }))).toEqual({ reply });
    }
  });

  it('writes dates and unknown values as JSON.stringify did', () => {
    const ZEvent = z.object({ at: z.date(), payload: z.unknown() });
    const data = { at: new Date('2026-05-01T10:00:00Z'), payload: { any: [1, 'two'] } };
    expect(compile(ZEvent)(data)).toBe(serializeWithZod(ZEvent, data, 'GET', '/'));
  });

  it('leaves a schema with a transform or a codec to zod', () => {
    const ZTransformed = z.object({ n: z.string().transform((s) => s.length) });
    expect(compileResponseSchema(ZTransformed)).toEqual({ fast: null, fallback: 'a transform in the response schema' });
    const ZCodec = z.object({
      at: z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() }),
    });
    expect(compileResponseSchema(ZCodec).fallback).toBe('a codec in the response schema');
    // The zod path still encodes the codec to its wire form.
    expect(compile(ZCodec)({ at: new Date('2026-05-01T10:00:00Z') })).toBe('{"at":"2026-05-01T10:00:00.000Z"}');
  });

  it('compiles once per schema object, whatever the number of routes sharing it', () => {
    const ZShared = z.object({ id: z.string() });
    expect(compileResponseSchema(ZShared)).toBe(compileResponseSchema(ZShared));
  });

  it('in tests, still refuses an off-contract response with ResponseSerializationError', () => {
    const bad = {
      nextCursor: null,
      data: [{ id: 'r1', subject: 42, author: null, assignee: { serviceId: 's' }, tags: [] }],
    };
    expect(() => compile(ZPage, true)(bad)).toThrow(ResponseSerializationError);
    // Without the check (production) the fast writer does not validate: it only writes.
    expect(() => compile(ZPage, false)(bad)).not.toThrow();
  });
});
