/**
 * Version facts of the library: {@link VERSION} (this package's version), the Bot API version the
 * generated code implements, and {@link versionReport} (what `npx typescript-telegram-bot --version`
 * prints, like PTB's `python -m telegram`).
 */
import { BOT_API_VERSION } from './generated/metadata.js';

export { BOT_API_VERSION } from './generated/metadata.js';

/**
 * The version of this package, as its package.json states it. A plain constant, so that no
 * package.json has to be found at run time; a test fails when the two disagree.
 */
export const VERSION = '0.1.0';

/** {@link VERSION} split into numbers, with the pre-release tag (`'beta.1'`) when there is one. */
export interface VersionInfo {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: string | undefined;
}

/** Splits a semver string such as `1.2.3` or `1.2.3-beta.1`. */
export function parseVersion(version: string): VersionInfo {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version);
  if (match === null) throw new TypeError(`${JSON.stringify(version)} is not a semantic version`);
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4],
  };
}

/** {@link VERSION} as numbers (PTB's `__version_info__`). */
export const VERSION_INFO: VersionInfo = parseVersion(VERSION);

/**
 * Three lines naming the library, Bot API and Node.js versions, for bug reports.
 *
 * @example
 * console.log(versionReport());
 * // typescript-telegram-bot 0.1.0
 * // Bot API 10.3
 * // Node.js v20.18.1 (linux x64)
 */
export function versionReport(): string {
  return [
    `typescript-telegram-bot ${VERSION}`,
    `Bot API ${BOT_API_VERSION}`,
    `Node.js ${process.version} (${process.platform} ${process.arch})`,
  ].join('\n');
}
