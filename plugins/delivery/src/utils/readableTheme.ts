import {
  darken,
  decomposeColor,
  getContrastRatio,
  lighten,
  recomposeColor,
  type Theme,
} from '@material-ui/core/styles';

/** WCAG AA for normal text, with a little headroom for rounding. */
const MIN_CONTRAST = 4.6;

/** A translucent colour as it shows over an opaque background. */
function flatten(color: string, background: string): string {
  const fg = decomposeColor(color);
  const alpha = fg.values[3] ?? 1;
  if (alpha >= 1 || !fg.type.startsWith('rgb')) return color;
  const bg = decomposeColor(background).values;
  const mix = (i: number) =>
    Math.round(fg.values[i] * alpha + bg[i] * (1 - alpha));
  return recomposeColor({ type: 'rgb', values: [mix(0), mix(1), mix(2)] });
}

/**
 * `color`, darkened (light themes) or lightened (dark themes) just enough to
 * be read on `background` (contrast of at least 4.5:1).
 */
export function readableOn(
  color: string,
  background: string,
  type: 'light' | 'dark',
): string {
  let result = flatten(color, background);
  for (let i = 0; i < 20; i++) {
    if (getContrastRatio(result, background) >= MIN_CONTRAST) return result;
    result = type === 'dark' ? lighten(result, 0.1) : darken(result, 0.1);
  }
  return result;
}

/**
 * The app's theme with the colours our text uses made readable on the
 * greyest background the tab draws (a selected table row, the diff's
 * background), and links underlined so they stand out inside text.
 * Given to an MUI `ThemeProvider` around the Delivery tab.
 */
export function readableTheme(outer: Theme): Theme {
  const { palette } = outer;
  const type = palette.type === 'dark' ? 'dark' : 'light';
  const worst =
    type === 'dark'
      ? lighten(palette.background.paper, 0.12)
      : darken(palette.background.default, 0.08);
  const readable = (color: string) => readableOn(color, worst, type);
  return {
    ...outer,
    palette: {
      ...palette,
      text: { ...palette.text, secondary: readable(palette.text.secondary) },
      ...(palette.status && {
        status: {
          ...palette.status,
          warning: readable(palette.status.warning),
        },
      }),
      info: { ...palette.info, main: readable(palette.info.main) },
    },
    props: {
      ...outer.props,
      MuiLink: { ...outer.props?.MuiLink, underline: 'always' },
    },
  };
}
