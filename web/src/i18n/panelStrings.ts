import i18next from 'i18next'
import type { PanelResources } from './zh-CN'

/**
 * Adds a panel's Chinese strings to their group of the default namespace (keys stay `idle.…`,
 * `perMu.…`), beside the few the first view already has. Called at the top of each module of the
 * panel's chunk that reads them, before anything of it renders, so the strings travel with the
 * chunk and a first visit carries none; English (en.ts) comes whole when chosen.
 * @example addPanelStrings('idle', idleZhCN) // web/src/components/idle/RegisterPanel.tsx
 */
export function addPanelStrings<G extends keyof PanelResources>(group: G, strings: PanelResources[G]): void {
  const add = () => i18next.addResourceBundle('zh-CN', 'translation', { [group]: strings }, true, false)
  // i18next has its store from init() on (i18n/index.ts, before the first render); a module
  // evaluated without it (a unit test of a panel's helper) adds them if it ever starts.
  if (i18next.isInitializing || i18next.isInitialized) add()
  else i18next.on('initialized', add)
}
