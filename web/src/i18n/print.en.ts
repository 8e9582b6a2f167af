import type { PrintResources } from './print.zh-CN'

/** Print-layout strings in English; typed against the Chinese. */
export const printEn: PrintResources = {
  dialog: 'Print layout',
  title: 'Title',
  defaultTitle: 'Fengxin High-tech Industrial Park map',
  paper: 'Paper',
  orientation: 'Orientation',
  landscape: 'Landscape',
  portrait: 'Portrait',
  grid: 'Gauss-Krüger grid (CGCS2000 3° zone)',
  png: 'Export PNG',
  pdf: 'Print / save as PDF',
  pdfHint: 'Choose “Save as PDF” in the print dialog; paper and orientation follow the layout',
  close: 'Close',
  preparing: 'Rendering the map image…',
  rendering: 'Rendering the PNG…',
  failed: 'The layout could not be made: {{message}}',
  legend: 'Legend',
  scale: 'Scale {{scale}}',
  north: 'N',
  date: 'Made {{date}}',
  source: 'Source: compiled from the Fengxin High-tech Industrial Park work report (illustrative data, not surveyed); base map: offline sketch',
  crs: 'CRS: CGCS2000; grid: 3° zone {{zone}} (EPSG:{{epsg}}), km',
  noLayers: 'No layers shown',
}
