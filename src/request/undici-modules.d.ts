// undici's internal modules ship no declarations of their own; undici-loader.ts types what it
// takes from them with the package's public types.
declare module 'undici/lib/dispatcher/agent.js';
declare module 'undici/lib/dispatcher/proxy-agent.js';
declare module 'undici/lib/dispatcher/dispatcher.js';
declare module 'undici/lib/api/index.js';
