import vm from 'vm';
import { PAYLOADS } from '../__testUtils__/payloads';
import { jsComment, jsString, jsonFile } from './json';

describe('json and javascript', () => {
  it.each(PAYLOADS.map(p => [p]))('round-trips %j', payload => {
    expect(JSON.parse(jsonFile({ description: payload })).description).toBe(
      payload,
    );
    // evaluated as a JavaScript expression it is exactly the value
    expect(vm.runInNewContext(jsString(payload))).toBe(payload);
    expect(jsString(payload)).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  it('keeps comments closed and on one line', () => {
    expect(jsComment('my-service')).toBe('my-service');
    expect(() => jsComment('a */ evil()')).toThrow(/without \*\//);
    expect(() => jsComment('a\nb')).toThrow();
    expect(() => jsString('\ud800')).toThrow(/valid Unicode/);
  });
});
