import { InputError } from '@backstage/errors';

/**
 * A word in a Dockerfile instruction (`RUN`, `COPY`, `ENV`...): no `$` (the Dockerfile's own
 * variable substitution, and the shell's in `RUN`), no `\` (escape/line continuation), no
 * whitespace, quotes or shell metacharacters.
 */
const DOCKER_WORD = /^[A-Za-z0-9._/:@+=-]+$/;

/** Returns `value` for a Dockerfile instruction, or throws an InputError naming `field`. */
export function dockerWord(field: string, value: string): string {
  if (!DOCKER_WORD.test(value)) {
    throw new InputError(
      `${field} cannot be written into a Dockerfile: only letters, digits and . _ / : @ + = - are allowed`,
    );
  }
  return value;
}

/**
 * The JSON (exec) form of `CMD`/`ENTRYPOINT`: no shell, no substitution. Each argument is
 * still a {@link dockerWord} so the file stays obvious to read.
 */
export function dockerExecForm(field: string, args: string[]): string {
  return JSON.stringify(args.map(a => dockerWord(field, a))).replace(
    /","/g,
    '", "',
  );
}
