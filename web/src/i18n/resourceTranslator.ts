/**
 * A tiny stand-in for i18next's t over the real resources, for tests of pure modules: keys and
 * wording are checked too, without starting i18next. `{{name}}` placeholders are filled in.
 */
export function resourceTranslator(resources: object) {
  return (key: string, options?: Record<string, unknown>): string => {
    const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources)
    if (typeof found !== 'string') return String(options?.defaultValue ?? key)
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name] ?? ''))
  }
}
