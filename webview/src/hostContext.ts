import { createContext, useContext } from 'react';
import type { HostClient } from './hostClient';

export const HostContext = createContext<HostClient | null>(null);

/** The host client of the panel being rendered (the real one, or a test's fake). */
export function useHost(): HostClient {
  const client = useContext(HostContext);
  if (!client) throw new Error('useHost() outside <HostContext.Provider>');
  return client;
}
