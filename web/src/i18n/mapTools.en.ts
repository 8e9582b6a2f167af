import type { MapToolsResources } from './mapTools.zh-CN'

/** Map tool strings (search, link, identify, measure, cursor) in English; typed against the Chinese. */
export const mapToolsEn: MapToolsResources = {
  toolbar: 'Map tools',
  copyLink: 'Copy link',
  copyLinkTitle: 'Copy a link that keeps this view (position, layers, selection, panel)',
  copied: 'Link copied',
  copyFailed: 'Could not write to the clipboard; copy it by hand:',
  search: {
    label: 'Search',
    placeholder: 'Search parcels, firms, projects, roads, coordinates…',
    none: 'No matches',
    hint: 'A parcel number, a firm’s name or its pinyin (e.g. ndsd), lon/lat, or CGCS2000 Gauss-Krüger X/Y',
    results: '{{count}} results',
    kind: {
      parcels: 'Parcel', enterprises: 'Enterprise', projects: 'Project', zones: 'Zone', chemical_clusters: 'Chemical cluster',
      utilities: 'Facility', idle_plots: 'Idle plot', basemap: 'Place', road: 'Road', village: 'Village', lonlat: 'Lon/lat', gk: 'Gauss-Krüger',
    },
    coordinate: 'Go to {{text}}',
  },
  identify: {
    title: '{{count}} features here',
    choose: 'Choose one to see its details',
  },
  measure: {
    start: 'Measure',
    title: 'Measure distance and area (geodesic)',
    distance: 'Distance',
    area: 'Area',
    stop: 'Stop measuring',
    clear: 'Clear',
    hint: 'Click on the map to add points, double-click to finish; Esc leaves',
    length: 'Length {{value}}',
    areaValue: '{{mu}} mu · {{ha}} ha · {{m2}} m²',
    perimeter: 'Perimeter {{value}}',
    finish: 'Finish',
    finishTitle: 'End this measurement (or double-click, or press Enter)',
    undo: 'Undo point',
    undoTitle: 'Take back the last point (Backspace)',
    modes: 'What to measure',
    none: '—',
    areaHint: 'An area needs at least 3 points',
  },
  cursor: {
    label: 'Cursor',
    lonlat: 'Lon/lat',
    gk: 'CGCS2000 3° zone {{zone}} (EPSG:{{epsg}})',
    xy: 'X is the northing, Y the easting (its first two digits are the zone)',
  },
}
