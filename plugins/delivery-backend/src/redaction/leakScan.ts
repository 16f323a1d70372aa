import { secretForms } from './secretForms';
import { installSecretRedactor, observeRedactedOutput } from './registry';
import { SecretRedactor } from './SecretRedactor';
import type { ConfiguredSecret } from './secretForms';

/** Something that logs: the methods are wrapped so every line is scanned. */
interface LoggerLike {
  error: (...args: any[]) => unknown;
  warn: (...args: any[]) => unknown;
  info: (...args: any[]) => unknown;
  debug: (...args: any[]) => unknown;
  child: (...args: any[]) => unknown;
}

function text(args: unknown[]): string {
  return args
    .map(a => {
      if (typeof a === 'string') return a;
      if (a instanceof Error) return `${a.message}\n${a.stack ?? ''}`;
      try {
        return JSON.stringify(a);
      } catch {
        return String(a);
      }
    })
    .join(' ');
}

/**
 * The test suite's secret-leak scan: knows the test secrets (installed in
 * the redaction registry, as the plugin does with its config), and records
 * every place one of their forms shows up in text leaving a choke point, a
 * mock logger, the console, stdout or stderr.
 */
export class LeakScan {
  readonly leaks: string[] = [];
  private readonly forms: string[];
  private readonly undo: Array<() => void> = [];

  constructor(secrets: ConfiguredSecret[]) {
    this.forms = secrets.flatMap(secretForms);
    installSecretRedactor(SecretRedactor.fromSecrets(secrets));
  }

  check(channel: string, value: string) {
    for (const f of this.forms) {
      if (value.includes(f)) {
        const at = value.indexOf(f);
        this.leaks.push(
          `${channel}: …${value.slice(
            Math.max(0, at - 60),
            at + f.length + 20,
          )}…`,
        );
        return;
      }
    }
  }

  /** Scans the choke points' output and the process's stdout/stderr. */
  start(): this {
    this.undo.push(observeRedactedOutput((c, t) => this.check(c, t)));
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream) as (...a: unknown[]) => boolean;
      (stream as { write: unknown }).write = (
        chunk: unknown,
        ...rest: unknown[]
      ) => {
        this.check('stdio', typeof chunk === 'string' ? chunk : String(chunk));
        return write(chunk, ...rest);
      };
      this.undo.push(() => {
        (stream as { write: unknown }).write = write;
      });
    }
    return this;
  }

  /** Wraps a logger (e.g. a jest mock) so each of its lines is scanned too. */
  wrapLogger<L extends LoggerLike>(logger: L): L {
    for (const level of ['error', 'warn', 'info', 'debug'] as const) {
      const original = logger[level];
      const scanned = (...args: unknown[]) => {
        this.check(`log.${level}`, text(args));
        return original.apply(logger, args);
      };
      // keep jest's call recording when the logger is a mock
      (logger as LoggerLike)[level] =
        typeof (original as { mock?: unknown }).mock === 'object'
          ? jest.fn(scanned)
          : scanned;
    }
    return logger;
  }

  stop() {
    for (const u of this.undo.splice(0)) u();
  }
}
