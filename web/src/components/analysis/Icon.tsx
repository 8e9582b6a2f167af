/** Stroke icons (24 × 24) for the analysis tools: drawn in SVG so they look the same on every system font. */
const PATHS = {
  draw: 'M4 20l4-1 11-11-3-3L5 16l-1 4zM14 7l3 3',
  edit: 'M5 5h3v3H5zM16 5h3v3h-3zM16 16h3v3h-3zM5 16h3v3H5zM8 6.5h8M17.5 8v8M8 17.5h8M6.5 8v8',
  done: 'M5 12.5l4.5 4.5L19 7',
  undo: 'M9 7L4 12l5 5M4 12h11a5 5 0 0 1 0 10h-2',
  redo: 'M15 7l5 5-5 5M20 12H9a5 5 0 0 0 0 10h2',
  delete: 'M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13M10 11v6M14 11v6',
  run: 'M7 5l12 7-12 7z',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  upload: 'M12 20V9M7 14l5-5 5 5M5 4h14',
  focus: 'M12 3v4M12 17v4M3 12h4M17 12h4M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  flask: 'M9 3h6M10 3v6L5 19a1.5 1.5 0 0 0 1.3 2h11.4a1.5 1.5 0 0 0 1.3-2L14 9V3M7.5 15h9',
  save: 'M5 4h11l3 3v13H5zM8 4v5h7V4M8 20v-6h8v6',
  reload: 'M20 11a8 8 0 1 0-2.3 5.7M20 5v6h-6',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor"
      strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  )
}
