import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Test helper: validates a value against a schema of `openapi.yaml`
 * (`components.schemas.<name>`). Returns the ajv errors, or null when valid.
 */
export function openApiValidator() {
  const doc = parse(
    fs.readFileSync(
      path.join(__dirname, '..', 'schema', 'openapi.yaml'),
      'utf8',
    ),
  );
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi.yaml' });
  return (schema: string, value: unknown) => {
    const validate = ajv.getSchema(
      `openapi.yaml#/components/schemas/${schema}`,
    );
    if (!validate) throw new Error(`No schema ${schema}`);
    return validate(value) ? null : validate.errors;
  };
}
