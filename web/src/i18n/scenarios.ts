import i18next from 'i18next'
import { scenariosEn } from './scenarios.en'
import { scenariosZhCN } from './scenarios.zh-CN'

/**
 * Registers the scenario section's strings (namespace `scenarios`, both languages: a few KB) when
 * its chunk loads, so a first visit carries none of them. Keys read `t('scenarios:saveVersion')`.
 */
export function registerScenarioStrings(): void {
  if (i18next.hasResourceBundle('zh-CN', 'scenarios')) return
  i18next.addResourceBundle('zh-CN', 'scenarios', scenariosZhCN)
  i18next.addResourceBundle('en', 'scenarios', scenariosEn)
}
