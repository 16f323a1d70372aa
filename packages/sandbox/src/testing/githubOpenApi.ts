import fs from 'fs';
import path from 'path';
import Ajv, { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { repoRoot } from './fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const GITHUB_FIXTURES = path.join(
  repoRoot(),
  '..',
  'shared',
  'fixtures',
  'upstreams',
  'github',
);

/**
 * OpenAPI 3.0 -> JSON Schema: `nullable: true` becomes a `null` alternative. Everything else
 * (example, discriminator, x-*) is ignored by ajv's non-strict mode.
 */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'example' || k === 'examples') continue;
    out[k] =
      k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v).map(([p, s]) => [p, toJsonSchema(s)]),
          )
        : toJsonSchema(v);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

interface Spec {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        responses?: Record<
          string,
          { content?: Record<string, { schema?: Json }> }
        >;
      }
    >
  >;
}

const spec: Spec = JSON.parse(
  fs.readFileSync(
    path.join(
      GITHUB_FIXTURES,
      'openapi-excerpt-api.github.com-octokit-openapi-23.0.2.deref.json',
    ),
    'utf8',
  ),
);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<string, ReturnType<Ajv['compile']>>();

/** One of GitHub's official examples (`openapi-examples/<file>.json`). */
export function example(file: string): unknown {
  return JSON.parse(
    fs.readFileSync(
      path.join(GITHUB_FIXTURES, 'openapi-examples', `${file}.json`),
      'utf8',
    ),
  );
}

/** Validates a response body against `operationId`'s schema for `status`; returns the errors. */
export function validateResponse(
  operationId: string,
  status: number,
  body: unknown,
): ErrorObject[] {
  for (const ops of Object.values(spec.paths)) {
    for (const op of Object.values(ops)) {
      if (op.operationId !== operationId) continue;
      const schema =
        op.responses?.[String(status)]?.content?.['application/json']?.schema;
      if (!schema)
        throw new Error(`${operationId} has no ${status} JSON schema`);
      const key = `${operationId} ${status}`;
      const validate =
        compiled.get(key) ?? ajv.compile(toJsonSchema(schema) as object);
      compiled.set(key, validate);
      return validate(body) ? [] : validate.errors ?? [];
    }
  }
  throw new Error(`operation ${operationId} not in the excerpt`);
}
