import type { Marker } from '../../../src/protocol';

/**
 * The chart's colours come from the VS Code theme (the CSS variables VS Code sets on the webview),
 * so light, dark and high-contrast themes all work; a canvas cannot use `var(--…)`, hence reading
 * them once per theme change.
 */

export const BAND_STATES = ['FAST_CONVERGE', 'CONVERGING', 'STALLING', 'OSCILLATING', 'DIVERGING'] as const;
export type BandState = (typeof BAND_STATES)[number];

export interface ThemeColors {
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  readonly errors: string;
  readonly gain: string;
  readonly bands: Readonly<Record<BandState, string>>;
  readonly markers: Readonly<Record<Marker['kind'], string>>;
  readonly fontFamily: string;
  readonly fontSize: number;
  /** High-contrast themes: stronger bands and thicker lines. */
  readonly highContrast: boolean;
}

/** What a theme without chart colours (or a test page) gets. */
const FALLBACK = {
  '--vscode-charts-foreground': '#cccccc',
  '--vscode-charts-lines': 'rgba(128, 128, 128, 0.5)',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editor-background': '#1e1e1e',
  '--vscode-editor-foreground': '#cccccc',
} as const;

export function readThemeColors(element: Element = document.body): ThemeColors {
  const style = getComputedStyle(element);
  const v = (name: keyof typeof FALLBACK): string => style.getPropertyValue(name).trim() || FALLBACK[name];
  const [red, blue, yellow, orange, green, purple] = (['--vscode-charts-red', '--vscode-charts-blue', '--vscode-charts-yellow', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple'] as const).map(v) as [string, string, string, string, string, string];
  const highContrast = element.classList.contains('vscode-high-contrast') || element.classList.contains('vscode-high-contrast-light');
  const band = highContrast ? 0.3 : 0.13;
  return {
    foreground: style.getPropertyValue('--vscode-charts-foreground').trim() || v('--vscode-editor-foreground'),
    muted: v('--vscode-descriptionForeground'),
    grid: withAlpha(v('--vscode-charts-lines'), highContrast ? 0.6 : 0.25),
    background: v('--vscode-editor-background'),
    errors: blue,
    gain: purple,
    bands: {
      FAST_CONVERGE: withAlpha(green, band * 1.4),
      CONVERGING: withAlpha(green, band * 0.7),
      STALLING: withAlpha(yellow, band),
      OSCILLATING: withAlpha(orange, band),
      DIVERGING: withAlpha(red, band),
    },
    markers: { best: green, rollback: orange, approval: purple, regression: red, stop: v('--vscode-descriptionForeground') },
    fontFamily: style.getPropertyValue('--vscode-font-family').trim() || 'system-ui, sans-serif',
    fontSize: Number.parseFloat(style.getPropertyValue('--vscode-font-size')) || 13,
    highContrast,
  };
}

/** `color` with its alpha multiplied by `alpha`: hex (#rgb, #rgba, #rrggbb, #rrggbbaa) or rgb()/rgba(). */
export function withAlpha(color: string, alpha: number): string {
  const rgba = parseColor(color);
  if (!rgba) return color;
  const [r, g, b, a] = rgba;
  return `rgba(${r}, ${g}, ${b}, ${Math.round(a * alpha * 1000) / 1000})`;
}

function parseColor(color: string): [number, number, number, number] | undefined {
  const c = color.trim();
  const hex = /^#([0-9a-f]{3,8})$/i.exec(c)?.[1];
  if (hex && [3, 4, 6, 8].includes(hex.length)) {
    const digits = hex.length <= 4 ? [...hex].map((d) => d + d) : (hex.match(/../g) as string[]);
    const [r, g, b, a = 'ff'] = digits.map((d) => d) as [string, string, string, string?];
    return [parseInt(r, 16), parseInt(g, 16), parseInt(b, 16), parseInt(a, 16) / 255];
  }
  const fn = /^rgba?\(([^)]+)\)$/i.exec(c)?.[1];
  if (!fn) return undefined;
  const parts = fn.split(/[\s,/]+/).filter(Boolean).map(Number);
  if (parts.length < 3 || parts.slice(0, 3).some((n) => !Number.isFinite(n))) return undefined;
  return [parts[0] as number, parts[1] as number, parts[2] as number, Number.isFinite(parts[3]) ? (parts[3] as number) : 1];
}
