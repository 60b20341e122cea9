import type { BuildOptions } from 'esbuild';

export function webviewBuildOptions(options?: { production?: boolean; testHooks?: boolean; outdir?: string }): BuildOptions;
