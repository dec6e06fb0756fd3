/**
 * Signal handling for `runPolling`/`runWebhook`: installed only while they run.
 */

/** Installs `onSignal` for each signal; returns a function removing exactly those listeners. */
export function installSignalHandlers(signals: readonly NodeJS.Signals[], onSignal: () => void): () => void {
  const listener = (): void => onSignal();
  for (const signal of signals) process.on(signal, listener);
  return () => {
    for (const signal of signals) process.removeListener(signal, listener);
  };
}

/** PTB's default stop signals. SIGABRT is left out on Windows, where Node cannot listen to it. */
export function defaultStopSignals(): NodeJS.Signals[] {
  return process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGABRT'];
}
