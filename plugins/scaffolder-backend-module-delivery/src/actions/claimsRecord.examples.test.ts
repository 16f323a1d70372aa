import yaml from 'yaml';
import { examples } from './claimsRecord.examples';

describe('delivery:claims:record examples', () => {
  it('each example is a template step using the action', () => {
    for (const e of examples) {
      const doc = yaml.parse(e.example);
      expect(doc.steps[0].action).toBe('delivery:claims:record');
      expect(Object.keys(doc.steps[0].input).sort()).toEqual([
        'chart',
        'codeJob',
        'entityRef',
        'image',
        'release',
      ]);
    }
  });
});
