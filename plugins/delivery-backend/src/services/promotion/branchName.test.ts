import { promotionBranchName, promotionBranchPrefix } from './branchName';

describe('promotionBranchName', () => {
  it('is deterministic', () => {
    expect(promotionBranchName('prod', 'xposer', 'v0.0.20')).toBe(
      'delivery/prod/xposer-0.0.20',
    );
    expect(promotionBranchName('prod', 'xposer', 'v0.0.20')).toBe(
      promotionBranchName('prod', 'xposer', 'v0.0.20'),
    );
    expect(promotionBranchName('dev', 'xposer', '0.0.8')).toBe(
      'delivery/dev/xposer-0.0.8',
    );
  });

  it('derives the branch from the normalised version (#11): 0.0.20 and v0.0.20 are one branch', () => {
    expect(promotionBranchName('prod', 'xposer', '0.0.20')).toBe(
      promotionBranchName('prod', 'xposer', 'v0.0.20'),
    );
  });

  it('keeps semver build metadata and prerelease', () => {
    expect(promotionBranchName('dev', 'a', '1.2.3-rc.1+b.5')).toBe(
      'delivery/dev/a-1.2.3-rc.1+b.5',
    );
  });

  it('neutralises what git refuses in a ref', () => {
    expect(promotionBranchName('dev', 'a', '1..2')).toBe('delivery/dev/a-1.2');
    expect(promotionBranchName('dev', 'a', 'x.lock')).toBe('delivery/dev/a-x');
    expect(promotionBranchName('.dev', 'a', 'x.')).toBe('delivery/dev/a-x');
    expect(promotionBranchName('d ev', 'a', 'x@{1}')).toBe(
      'delivery/d-ev/a-x--1-',
    );
  });

  it('has a per-environment prefix', () => {
    expect(
      promotionBranchName('prod', 'x', '1.0.0').startsWith(
        promotionBranchPrefix('prod'),
      ),
    ).toBe(true);
  });
});
