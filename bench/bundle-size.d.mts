// Types of what test/bundle-size.test.ts imports from bundle-size.mjs.
import type { BuildOptions } from 'esbuild';

export declare const SINGLE_FILE_OPTIONS: BuildOptions & { readonly write: false };
