/** 地图通用工具（搜索、链接、识别、量测、坐标）的界面文字；en 见 mapTools.en.ts，键必须一致。 */
export const mapToolsZhCN = {
  toolbar: '地图工具',
  copyLink: '复制链接',
  copyLinkTitle: '复制保留当前视图（位置、图层、选中要素、面板）的链接',
  copied: '链接已复制',
  copyFailed: '无法写入剪贴板，请手动复制：',
  search: {
    label: '搜索',
    placeholder: '搜索地块、企业、项目、道路、坐标…',
    none: '无匹配结果',
    hint: '可输入地块号、企业名称或拼音（如 ndsd）、经纬度或 CGCS2000 高斯坐标',
    results: '{{count}} 个结果',
    kind: {
      parcels: '地块', enterprises: '企业', projects: '项目', zones: '片区', chemical_clusters: '化工集中区',
      utilities: '设施', idle_plots: '闲置地块', basemap: '地名', road: '道路', village: '村庄', lonlat: '经纬度', gk: '高斯坐标',
    },
    coordinate: '定位到 {{text}}',
  },
  identify: {
    title: '此处有 {{count}} 个要素',
    choose: '选择一个要素查看详情',
  },
  measure: {
    start: '量测',
    title: '量测距离和面积（大地线）',
    distance: '距离',
    area: '面积',
    stop: '结束量测',
    clear: '清除',
    hint: '在地图上单击添加点，双击结束；Esc 退出',
    length: '长度 {{value}}',
    areaValue: '{{mu}} 亩 · {{ha}} 公顷 · {{m2}} 平方米',
    perimeter: '周长 {{value}}',
    finish: '完成',
    finishTitle: '结束本次量测（也可双击或按 Enter）',
    undo: '撤销一点',
    undoTitle: '撤销最后一个点（Backspace）',
    modes: '量测方式',
    none: '—',
    areaHint: '至少 3 个点才有面积',
  },
  cursor: {
    label: '光标位置',
    lonlat: '经纬度',
    gk: 'CGCS2000 3° 带 {{zone}}（EPSG:{{epsg}}）',
    xy: 'X 为北坐标，Y 为东坐标（前两位为带号）',
  },
}

export type MapToolsResources = typeof mapToolsZhCN
