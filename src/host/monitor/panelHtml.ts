/**
 * The monitor panel's HTML: a pure function of the webview's CSP source, a fresh nonce and the two
 * asset URIs, so it is unit-tested without VS Code. The policy allows nothing but our own bundle
 * (script by nonce, stylesheet, fonts and images from the extension's webview folder): no inline
 * script or style, no eval, no remote anything.
 *
 * Neither dependency needs more: Lit (under @vscode-elements) styles its components through
 * constructable stylesheets (`adoptedStyleSheets`), which `style-src` does not govern, and Chart.js 4
 * injects no stylesheet (it sizes its canvas through the CSSOM, which CSP allows). The browser
 * tests load this page in Chromium and fail on any CSP violation.
 */

export interface PanelHtmlInput {
  /** `webview.cspSource`: the origin VS Code serves the extension's local resources from. */
  readonly cspSource: string;
  /** Base64 from a CSPRNG (`randomBytes(16).toString('base64')`), new for every render. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

/** A nonce or a source list must not be able to end the policy early or add a directive. */
const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
/**
 * `webview.cspSource` is a space-separated source list: a host source, or (code-server) `'self'`
 * plus one. Each item is a quoted keyword or a source without separators; `;` or `,` would let it
 * inject another directive, so they are refused.
 */
const CSP_SOURCE_ITEM = /^(?:'(?:self|none)'|[^\s;,'"<>]+)$/;
const isCspSourceList = (value: string): boolean => value.trim() !== '' && value.trim().split(/\s+/).every((item) => CSP_SOURCE_ITEM.test(item));

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function renderPanelHtml({ cspSource, nonce, scriptUri, styleUri }: PanelHtmlInput): string {
  if (!NONCE.test(nonce)) throw new RangeError('the nonce must be at least 16 base64 characters');
  if (!isCspSourceList(cspSource)) throw new RangeError(`not a CSP source: ${JSON.stringify(cspSource)}`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(styleUri)}">
<title>LoopGain Monitor</title>
</head>
<body>
<div id="root"></div>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>
`;
}
