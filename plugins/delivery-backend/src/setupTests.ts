import { mockServices } from '@backstage/backend-test-utils';
import { sandboxCredentials } from '@gitops-delivery/sandbox';
import { LeakScan } from './redaction/leakScan';

// The secret-marker scan over the whole backend suite (#11): every test file
// knows the sandbox's credentials and the `SECRETMARK` marker as secrets, and
// fails if any of their forms (raw, per line, JSON/URL-encoded, base64,
// Basic user:password) shows up in a log line of a mock logger, in text
// leaving the plugin's redaction choke points (logs, responses, upstream
// errors), on the console, stdout or stderr.
const c = sandboxCredentials;
const scan = new LeakScan([
  { value: c.githubToken },
  { value: c.kubernetesToken },
  { value: c.codeJenkins.password, username: c.codeJenkins.username },
  { value: c.deployJenkins.password, username: c.deployJenkins.username },
  { value: c.nexus.password, username: c.nexus.username },
  { value: c.chartMuseum.password, username: c.chartMuseum.username },
  { value: 'SECRETMARK' },
]).start();

const mockLogger = mockServices.logger.mock;
(mockServices.logger as { mock: typeof mockLogger }).mock = partial =>
  scan.wrapLogger(mockLogger(partial));

afterAll(() => {
  scan.stop();
  if (scan.leaks.length > 0) {
    throw new Error(
      `A configured secret leaked (#11 secret-marker scan):\n${scan.leaks.join(
        '\n',
      )}`,
    );
  }
});
