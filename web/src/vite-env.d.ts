/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional online base map style URL, set at build time; off by default (the park runs offline). */
  readonly VITE_BASEMAP_STYLE_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
