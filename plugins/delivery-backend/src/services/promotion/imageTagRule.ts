import { isMap, isScalar, YAMLMap } from 'yaml';
import { sameVersion } from '@gitops-delivery/backstage-plugin-delivery-common';
import { scalarText } from './safeYaml';
import {
  Edit,
  isObject,
  JsonMap,
  keyOf,
  renderScalar,
  UNSAFE_KEYS,
} from './yamlSplice';

type Path = string[];

/**
 * Image-tag rule: every `image.tag` under the release map whose value equals
 * `from` (ignoring a leading `v`) is set to `to`, unless the user's values set
 * that tag. Pushes the splices to `edits` and updates `expected`.
 */
export function bumpImageTags(
  map: YAMLMap,
  path: Path,
  ctx: {
    from: string;
    to: string;
    userValues: JsonMap;
    edits: Edit[];
    bumped: string[];
    content: string;
    expected: JsonMap;
  },
): void {
  for (const pair of map.items) {
    const k = keyOf(pair);
    if (k === undefined || !isMap(pair.value)) continue;
    const here = [...path, k];
    if (k === 'image') {
      const tag = pair.value.get('tag', true);
      if (
        isScalar(tag) &&
        tag.range &&
        !tag.anchor &&
        typeof tag.value === 'string' &&
        sameVersion(scalarText(tag, ctx.content), ctx.from) &&
        !userSets(ctx.userValues, [...here.slice(1), 'tag'])
      ) {
        const text = renderScalar(tag, ctx.to, ctx.content);
        if (text !== scalarText(tag, ctx.content)) {
          ctx.edits.push({ start: tag.range[0], end: tag.range[1], text });
          setIn(ctx.expected, [...here, 'tag'], ctx.to);
          ctx.bumped.push([...here, 'tag'].join('.'));
        }
      }
    }
    bumpImageTags(pair.value, here, ctx);
  }
}

function userSets(values: JsonMap, path: Path): boolean {
  let cur: unknown = values;
  for (const p of path) {
    if (!isObject(cur) || !(p in cur)) return false;
    cur = cur[p];
  }
  return true;
}

function setIn(obj: JsonMap, path: Path, value: unknown): void {
  if (path.some(p => UNSAFE_KEYS.has(p))) return;
  let cur = obj;
  for (const p of path.slice(0, -1)) cur = cur[p] as JsonMap;
  cur[path[path.length - 1]] = value;
}
