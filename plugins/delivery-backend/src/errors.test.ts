import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { UnprocessableError } from './errors';

describe('UnprocessableError', () => {
  it('becomes HTTP 422 through the standard Backstage error middleware', async () => {
    const app = express();
    app.get('/x', () => {
      throw new UnprocessableError('requirements.yaml has duplicate keys');
    });
    app.use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.rootLogger(),
      }).error(),
    );
    const res = await request(app).get('/x');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      name: 'UnprocessableError',
      message: 'requirements.yaml has duplicate keys',
    });
  });
});
