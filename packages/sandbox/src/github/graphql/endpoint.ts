import express, {
  ErrorRequestHandler,
  Request,
  Response,
  Router,
} from 'express';
import {
  DocumentNode,
  execute,
  FragmentDefinitionNode,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  validate,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { ApiContext } from '../http/context';
import { authorize, Principal } from '../http/appAuth';
import { GitHubApiError } from '../http/errors';
import { principalFor, tokenOf } from '../http/middleware';
import { baseHeaders } from '../http/respond';
import { TypedGraphQLError } from './connection';
import { queryCost } from './cost';
import { GraphQLContext, QueryRoot } from './models';
import { buildGitHubSchema } from './schema';

/** `documentation_url` of GitHub's GraphQL answers. */
export const graphqlDocs = {
  root: 'https://docs.github.com/graphql',
  auth: 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
};

interface ErrorJson {
  type?: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  message: string;
}

/** GitHub's error entries: `type` (when it has one), `path`, `locations`, `message`. */
function errorJson(e: GraphQLError): ErrorJson {
  const original = e.originalError;
  return {
    ...(original instanceof TypedGraphQLError ? { type: original.type } : {}),
    ...(e.path ? { path: e.path } : {}),
    ...(e.locations ? { locations: e.locations } : {}),
    message: e.message,
  };
}

function fragmentsOf(
  doc: DocumentNode,
): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) out[d.name.value] = d;
  }
  return out;
}

/**
 * GitHub's GraphQL API (`POST /api/graphql` on GitHub Enterprise Server, `POST /graphql` on
 * api.github.com) over the same store as the REST routes: the same token rules (401 `Bad
 * credentials`; installation tokens see their repositories only), a `graphql` rate-limit
 * bucket charged by each query's cost, GitHub's error shapes (HTTP 200 with `errors`).
 */
export function graphqlRouter(ctx: ApiContext, token: string): Router {
  const schema = buildGitHubSchema();
  const rate = ctx.graphqlRate;
  const r = Router();

  const reply = (res: Response, status: number, body: unknown) => {
    res
      .set(rate.headers('graphql'))
      .status(status)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(body));
  };
  const refuse = (res: Response, e: GitHubApiError, documentationUrl: string) =>
    reply(res, e.status, {
      message: e.message,
      documentation_url: documentationUrl,
    });

  r.use((_req, res, next) => {
    baseHeaders(res);
    res.set('x-github-media-type', 'github.v4; format=json');
    next();
  });
  r.use(express.json({ limit: '100mb', type: () => true }));

  const handle = async (req: Request, res: Response): Promise<void> => {
    const given = tokenOf(req);
    if (given === undefined) {
      reply(res, 401, {
        message: 'This endpoint requires you to be authenticated.',
        documentation_url: graphqlDocs.auth,
      });
      return;
    }
    let principal: Principal;
    try {
      principal = principalFor(ctx, token, given);
      authorize(principal, req);
    } catch (e) {
      if (e instanceof GitHubApiError) {
        refuse(res, e, graphqlDocs.root);
        return;
      }
      throw e;
    }
    const rateLimited = () => {
      const viewer = ctx.store.account(ctx.store.config.viewer, 'User');
      reply(res, 200, {
        errors: [
          {
            type: 'RATE_LIMITED',
            message: `API rate limit exceeded for user ID ${viewer.id}.`,
          },
        ],
      });
    };
    if (rate.remaining === 0) {
      rateLimited();
      return;
    }

    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body.query !== 'string') {
      reply(res, 200, {
        errors: [
          {
            message:
              'A query attribute must be specified and must be a string.',
          },
        ],
      });
      return;
    }
    let variables = body.variables ?? {};
    if (typeof variables === 'string') {
      try {
        variables = JSON.parse(variables || '{}');
      } catch {
        variables = {};
      }
    }
    const operationName =
      typeof body.operationName === 'string' ? body.operationName : undefined;

    let doc: DocumentNode;
    try {
      doc = parse(body.query);
    } catch (e) {
      reply(res, 200, { errors: [errorJson(e as GraphQLError)] });
      return;
    }
    const invalid = validate(schema, doc);
    if (invalid.length > 0) {
      reply(res, 200, { errors: invalid.map(errorJson) });
      return;
    }

    const context: GraphQLContext = {
      api: ctx,
      principal,
      rate,
      cost: 1,
      nodeCount: 0,
    };
    const operation = getOperationAST(doc, operationName);
    if (operation) {
      const coerced = getVariableValues(
        schema,
        operation.variableDefinitions ?? [],
        variables as Record<string, unknown>,
      );
      if (coerced.errors) {
        reply(res, 200, { errors: coerced.errors.map(errorJson) });
        return;
      }
      const { cost, nodeCount } = queryCost(
        schema,
        operation,
        fragmentsOf(doc),
        coerced.coerced,
      );
      if (rate.remaining < cost) {
        rateLimited();
        return;
      }
      rate.consume(cost);
      context.cost = cost;
      context.nodeCount = nodeCount;
    }
    const result = await execute({
      schema,
      document: doc,
      rootValue: new QueryRoot(context),
      contextValue: context,
      variableValues: variables as Record<string, unknown>,
      operationName,
    });
    reply(res, 200, {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.errors?.length
        ? { errors: result.errors.map(errorJson) }
        : {}),
    });
  };

  r.post('/', (req, res, next) => {
    handle(req, res).catch(next);
  });

  r.all('/', (_req, res) => {
    reply(res, 404, {
      message: 'Not Found',
      documentation_url: graphqlDocs.root,
    });
  });

  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const type = (err as { type?: string }).type;
    if (type === 'entity.parse.failed') {
      reply(res, 400, {
        message: 'Problems parsing JSON',
        documentation_url: graphqlDocs.root,
      });
      return;
    }
    reply(res, 500, {
      message: err instanceof Error ? err.message : 'Server Error',
      documentation_url: graphqlDocs.root,
    });
  };
  r.use(onError);
  return r;
}
