import { getContrastRatio, type Theme } from '@material-ui/core/styles';
import { themes } from '@backstage/theme';
import { readableOn, readableTheme } from './readableTheme';

const v4 = (name: 'light' | 'dark') =>
  themes[name].getTheme('v4') as unknown as Theme;

describe('readableTheme', () => {
  it.each(['light', 'dark'] as const)(
    'gives the %s theme secondary text, warnings and info readable (4.5:1) on paper, default and a selected row',
    name => {
      const outer = v4(name);
      const theme = readableTheme(outer);
      const backgrounds = [
        theme.palette.background.paper,
        theme.palette.background.default,
      ];
      if (name === 'light') backgrounds.push('#ebebeb'); // a selected table row
      for (const bg of backgrounds) {
        for (const fg of [
          theme.palette.text.secondary,
          theme.palette.status.warning,
          theme.palette.info.main,
        ]) {
          expect(getContrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
        }
      }
      // everything else is the app's theme, and links are underlined
      expect(theme.palette.text.primary).toBe(outer.palette.text.primary);
      expect(theme.palette.primary).toBe(outer.palette.primary);
      expect(theme.props?.MuiLink?.underline).toBe('always');
    },
  );

  it('keeps a colour that is already readable', () => {
    expect(readableOn('#212121', '#ffffff', 'light')).toBe('#212121');
  });

  it('darkens on light and lightens on dark backgrounds', () => {
    const light = readableOn('#ff9800', '#ffffff', 'light');
    const dark = readableOn('#333333', '#121212', 'dark');
    expect(getContrastRatio(light, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(getContrastRatio(dark, '#121212')).toBeGreaterThanOrEqual(4.5);
  });
});
