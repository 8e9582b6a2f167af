/** 打印与导出版面的界面文字；en 见 print.en.ts，键必须一致。 */
export const printZhCN = {
  dialog: '打印版面',
  title: '图名',
  defaultTitle: '奉新高新技术产业园区 园区地图',
  paper: '纸张',
  orientation: '方向',
  landscape: '横向',
  portrait: '纵向',
  grid: '高斯-克吕格坐标格网（CGCS2000 3° 带）',
  png: '导出 PNG',
  pdf: '打印 / 存为 PDF',
  pdfHint: '在打印对话框中选择“另存为 PDF”；纸张与方向已按版面设置',
  close: '关闭',
  preparing: '正在生成地图图像…',
  rendering: '正在生成 PNG…',
  failed: '版面生成失败：{{message}}',
  legend: '图例',
  scale: '比例尺 {{scale}}',
  north: '北',
  date: '制图日期 {{date}}',
  source: '数据来源：奉新高新技术产业园区工作报告整理（示意数据，非测绘成果）；底图：离线示意底图',
  crs: '坐标系：CGCS2000；格网：3° 带第 {{zone}} 带（EPSG:{{epsg}}），单位 km',
  noLayers: '没有显示的图层',
}

export type PrintResources = typeof printZhCN
