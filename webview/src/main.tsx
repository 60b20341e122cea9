// First: zod must be told not to probe for eval before the protocol's schemas are built.
import './zodConfig';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { App } from './App';
import { getHostClient, VsCodeHostClient } from './hostClient';
import { exposeForTests, TEST_HOOKS } from './testHooks';
import './styles.css';

const client = getHostClient();
const root = createRoot(document.getElementById('root') as HTMLElement);

if (TEST_HOOKS && client instanceof VsCodeHostClient) {
  // The bench's entry point: one host message through validation, the reducer, React and the
  // chart, synchronously, so its cost can be timed.
  exposeForTests('__loopgainDeliver', (data: unknown) => flushSync(() => client.receive(data)));
}

root.render(<App client={client} />);
