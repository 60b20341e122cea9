import * as vscode from 'vscode';

/** Where each provider's key lives in SecretStorage: never in settings, traces or logs. */
export const SECRET_KEYS = { openai: 'loopgain.apiKey.openai', anthropic: 'loopgain.apiKey.anthropic' } as const;
export type KeyedProvider = keyof typeof SECRET_KEYS;

export async function readApiKey(secrets: vscode.SecretStorage, provider: KeyedProvider): Promise<string | undefined> {
  return secrets.get(SECRET_KEYS[provider]);
}

/** `LoopGain: Set API Key…`: asks for the provider and the key, stores it in SecretStorage. */
export async function setApiKey(secrets: vscode.SecretStorage): Promise<void> {
  const provider = await vscode.window.showQuickPick(
    [
      { label: 'OpenAI-compatible', description: 'OpenAI, or a local server that needs a key', provider: 'openai' as const },
      { label: 'Anthropic', provider: 'anthropic' as const },
    ],
    { title: 'LoopGain: which provider is the key for?' },
  );
  if (!provider) return;
  const key = await vscode.window.showInputBox({ title: `LoopGain: ${provider.label} API key`, password: true, ignoreFocusOut: true, prompt: 'Stored in VS Code SecretStorage only. Leave empty to remove the stored key.' });
  if (key === undefined) return;
  if (key.trim() === '') await secrets.delete(SECRET_KEYS[provider.provider]);
  else await secrets.store(SECRET_KEYS[provider.provider], key.trim());
  void vscode.window.showInformationMessage(key.trim() === '' ? `LoopGain: the ${provider.label} key was removed.` : `LoopGain: the ${provider.label} key is stored.`);
}

/** `LoopGain: Select Model…`: a VS Code chat model, another provider, or the offline fixer. */
export async function selectModel(): Promise<void> {
  const config = vscode.workspace.getConfiguration('loopgain');
  const models = await vscode.lm.selectChatModels().then(
    (m) => m,
    () => [] as vscode.LanguageModelChat[],
  );
  type Pick = vscode.QuickPickItem & { fixer: string; model?: string };
  const items: Pick[] = [
    ...models.map((m) => ({ label: `$(hubot) ${m.name}`, description: `${m.vendor} · ${m.family}`, fixer: 'vscode-lm', model: m.id })),
    { label: '$(circuit-board) Offline fixer', description: 'no model, no key: search-based repair of one-edit bugs', fixer: 'offline' },
    { label: '$(globe) OpenAI-compatible endpoint…', description: 'OpenAI, Ollama, LM Studio, vLLM', fixer: 'openai' },
    { label: '$(globe) Anthropic…', fixer: 'anthropic' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'LoopGain: who proposes the edits?', placeHolder: models.length === 0 ? 'No chat model is available in VS Code right now' : undefined });
  if (!picked) return;
  let model = picked.model;
  if (picked.fixer === 'openai' || picked.fixer === 'anthropic') {
    model = await vscode.window.showInputBox({ title: 'LoopGain: model name', value: config.get<string>('model', ''), ignoreFocusOut: true });
    if (model === undefined) return;
    if (picked.fixer === 'openai') {
      const baseUrl = await vscode.window.showInputBox({ title: 'LoopGain: base URL (empty: OpenAI)', value: config.get<string>('baseUrl', ''), ignoreFocusOut: true });
      if (baseUrl === undefined) return;
      await config.update('baseUrl', baseUrl, vscode.ConfigurationTarget.Global);
    }
  }
  await config.update('fixer', picked.fixer, vscode.ConfigurationTarget.Global);
  await config.update('model', model ?? '', vscode.ConfigurationTarget.Global);
}
