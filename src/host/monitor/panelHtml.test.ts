import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, renderPanelHtml } from './panelHtml';

const input = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'q1w2e3r4t5y6u7i8o9p0aA==',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/main.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/main.css',
};

const cspOf = (html: string): string => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

describe('renderPanelHtml', () => {
  const html = renderPanelHtml(input);

  it('sets a strict policy: nothing by default, our origin for styles, fonts and images, scripts by nonce only', () => {
    expect(cspOf(html)).toBe(
      "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net data:; style-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-q1w2e3r4t5y6u7i8o9p0aA=='",
    );
    expect(cspOf(html)).not.toMatch(/unsafe-(inline|eval)|\*|https?:\/\/(?!file\+)/);
  });

  it('loads exactly one script, with the nonce, and one stylesheet, both ours', () => {
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toContain(`<script nonce="${input.nonce}" src="${input.scriptUri}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="${input.styleUri}">`);
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/);
  });

  it('has the mount point and the CSP before anything that loads', () => {
    expect(html).toContain('<div id="root"></div>');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('escapes the URIs into their attributes', () => {
    const tricky = renderPanelHtml({ ...input, scriptUri: 'https://x/a.js"><script>alert(1)</script>', styleUri: 'https://x/a.css?a=1&b=2' });
    expect(tricky).toContain('src="https://x/a.js&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(tricky).toContain('href="https://x/a.css?a=1&amp;b=2"');
    expect(tricky.match(/<script\b/g)).toHaveLength(1);
  });

  it('refuses a nonce or a source that could change the policy', () => {
    expect(() => renderPanelHtml({ ...input, nonce: "abc'; script-src *" })).toThrow(RangeError);
    expect(() => renderPanelHtml({ ...input, nonce: 'short' })).toThrow(RangeError);
    expect(() => renderPanelHtml({ ...input, cspSource: "https://a; script-src 'unsafe-inline'" })).toThrow(RangeError);
    expect(() => renderPanelHtml({ ...input, cspSource: "'self' 'unsafe-inline'" })).toThrow(RangeError);
    // code-server's webview.cspSource (found by the real-VS-Code suite): a list with 'self'
    expect(renderPanelHtml({ ...input, cspSource: "'self' https://*.vscode-cdn.net" })).toContain("style-src 'self' https://*.vscode-cdn.net");
  });

  it('builds the policy from its two inputs', () => {
    expect(contentSecurityPolicy('http://127.0.0.1:1234', 'n')).toBe("default-src 'none'; img-src http://127.0.0.1:1234 data:; style-src http://127.0.0.1:1234; font-src http://127.0.0.1:1234; script-src 'nonce-n'");
  });
});
