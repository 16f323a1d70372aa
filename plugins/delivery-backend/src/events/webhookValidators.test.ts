import { mockServices } from '@backstage/backend-test-utils';
import type {
  RequestDetails,
  RequestRejectionDetails,
} from '@backstage/plugin-events-node';
import { githubSignature } from './githubSignature';
import {
  githubWebhookValidator,
  jenkinsWebhookValidator,
} from './webhookValidators';

const secret = 'validator-secret-0123456789';
const body = Buffer.from('{"zen":"Keep it logically awesome."}');

function details(
  headers: RequestDetails['headers'],
  raw = body,
): RequestDetails {
  return {
    body: JSON.parse(raw.toString()),
    headers,
    query: {},
    raw: { body: raw, encoding: 'utf-8' },
  };
}

async function validate(
  validator: ReturnType<typeof githubWebhookValidator>,
  request: RequestDetails,
) {
  let rejected: Partial<RequestRejectionDetails> | undefined;
  await validator(request, { reject: d => (rejected = d ?? {}) });
  return rejected;
}

describe('githubWebhookValidator', () => {
  it('lets a signed delivery through without an audit event', async () => {
    const auditor = mockServices.auditor.mock();
    const validator = githubWebhookValidator(secret, auditor);
    const sig = githubSignature(secret, body);
    expect(
      await validate(validator, details({ 'x-hub-signature-256': sig })),
    ).toBeUndefined();
    expect(auditor.createEvent).not.toHaveBeenCalled();
  });

  it('rejects and audits a missing (401) or bad (403) signature', async () => {
    const auditor = mockServices.auditor.mock();
    const validator = githubWebhookValidator(secret, auditor);
    const headers = { 'x-github-event': 'push', 'x-github-delivery': 'd-1' };
    expect(await validate(validator, details(headers))).toMatchObject({
      status: 401,
    });
    expect(
      await validate(
        validator,
        details({
          ...headers,
          'x-hub-signature-256': githubSignature('x', body),
        }),
      ),
    ).toMatchObject({ status: 403 });
    expect(auditor.createEvent).toHaveBeenCalledTimes(2);
    expect(auditor.createEvent).toHaveBeenLastCalledWith(
      expect.objectContaining({
        eventId: 'delivery-webhook',
        severityLevel: 'medium',
        meta: expect.objectContaining({
          topic: 'delivery.github',
          reason: 'signature mismatch',
          delivery: 'd-1',
          event: 'push',
        }),
      }),
    );
  });
});

describe('jenkinsWebhookValidator', () => {
  it('rejects and audits a missing (401) or wrong (403) token', async () => {
    const auditor = mockServices.auditor.mock();
    const validator = jenkinsWebhookValidator(secret, auditor);
    expect(await validate(validator, details({}))).toMatchObject({
      status: 401,
    });
    expect(
      await validate(validator, details({ 'x-delivery-token': 'nope' })),
    ).toMatchObject({ status: 403 });
    expect(
      await validate(validator, details({ 'x-delivery-token': secret })),
    ).toBeUndefined();
    expect(auditor.createEvent).toHaveBeenCalledTimes(2);
  });
});
