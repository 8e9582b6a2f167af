/**
 * The sample park's enterprises: every firm the 2022 H1 report names, plus invented sample
 * firms (note 示例企业 sample firm) so that most built parcels have an owner.
 * started_year null means "not yet producing in the park" (no yearly figures).
 */

export type Industry = 'new_energy_materials' | 'textile' | 'chemical_pharma' | 'other'

export interface EnterpriseDef {
  id: string
  name_zh: string
  name_en: string
  industry: Industry
  is_chemical: boolean
  above_scale: boolean
  started_year: number | null
  note: string | null
}

const NE: Industry = 'new_energy_materials'
const TX: Industry = 'textile'
const CH: Industry = 'chemical_pharma'
const OT: Industry = 'other'

function firm(
  id: string, name_zh: string, name_en: string, industry: Industry, above_scale: boolean,
  started_year: number | null, note: string | null, is_chemical = false,
): EnterpriseDef {
  return { id, name_zh, name_en, industry, is_chemical, above_scale, started_year, note }
}

/** Firms named in the report (name_zh as the report writes it; see data/README.md for the phrases). */
export const NAMED_ENTERPRISES: EnterpriseDef[] = [
  firm('putailai', '璞泰来产业园', 'Putailai Industrial Park', NE, true, 2020, '新能源新材料“链主”龙头企业（璞泰来集团）；上半年建成达产'),
  firm('zichen', '紫宸科技', 'Zichen Technology', NE, true, 2017, '新能源新材料产业集群龙头企业'),
  firm('ningxin', '宁新新材料', 'Ningxin New Materials', NE, true, 2012, '一期、二期两宗用地；二期上半年建成达产；支持上市'),
  firm('yunwei', '云威新材料', 'Yunwei New Materials', NE, false, 2022, '上半年建成达产'),
  firm('feiyu', '飞宇新能源', 'Feiyu New Energy', NE, true, 2016, '技改项目在建；异味投诉较多，督促废气收集处理设施有效运行；涉化企业，不在化工集中区内', true),
  firm('ningyuhong', '宁昱鸿新材料', 'Ningyuhong New Materials', NE, false, null, '项目已启动建设'),
  firm('shenhong', '深泓新材料', 'Shenhong New Materials', NE, false, null, '项目已启动建设'),
  firm('boteng', '博腾药业', 'Boteng Pharmaceutical', CH, true, 2018, '化工企业，不在化工集中区范围内：原料药/中间体项目在建，后续新改扩无法保障；异味投诉', true),
  firm('tonghe', '同和药业', 'Tonghe Pharmaceutical', CH, true, 2019, '化工集中区A区内；原料药项目正常推进', true),
  firm('jinyuan', '金源纺织', 'Jinyuan Textile', TX, true, 2008, '纺织大厂；5G智能织造项目；新上粗细络联设备；压台压库'),
  firm('baoyuan', '宝源', 'Baoyuan (textile)', TX, true, 2006, '纺织大厂（报告称“宝源公司”）；更新细纱集体落纱装置、自动络筒'),
  firm('huachun', '华春', 'Huachun (textile)', TX, true, 2010, '纺织大厂；新上自动络筒机、细纱机器人落纱'),
  firm('zhongjiang', '中江纺织', 'Zhongjiang Textile', TX, true, 2009, '异味投诉，督促废气收集处理设施有效运行'),
  firm('tianen', '天恩新材料', "Tian'en New Materials", NE, true, 2019, '2022年上半年园区唯一完成入规的企业'),
  firm('jinli', '金利股份', 'Jinli Co.', OT, true, 2011, '上市后备企业，支持主板上市'),
  firm('jiuling', '九岭新能源', 'Jiuling New Energy', NE, true, 2018, '支持上市'),
  firm('haoneng', '昊能新材料', 'Haoneng New Materials', NE, false, 2022, '租赁闲置厂房进行建设'),
  firm('jinsaiyi', '锦赛义纺织', 'Jinsaiyi Textile', TX, false, 2022, '租赁闲置厂房进行建设'),
  firm('yuanrui', '远瑞工艺制品', 'Yuanrui Craft Products', OT, false, null, '租赁闲置厂房进行建设'),
  firm('dongdao', '东岛新能源', 'Dongdao New Energy', NE, false, null, '租赁闲置厂房进行建设'),
  firm('jinda', '金大高科', 'Jinda Hi-tech', OT, true, 2014, '挡土墙、道路及10kV陶家线迁改等基础工程保障其项目建设运行'),
  firm('ganfeng', '赣锋锂业', 'Ganfeng Lithium', NE, true, 2016, '新能源新材料产业集群龙头企业'),
  firm('catl', '宁德时代', 'CATL (Contemporary Amperex Technology)', NE, false, null, '南区重大项目：用地已完成房屋拆迁、坟墓迁移、林木采伐，正在土地报批'),
  firm('gotion', '国轩高科', 'Gotion High-tech', NE, false, null, '南区重大项目：因企业自身需要，一期用地上市程序暂缓'),
  firm('xiandao', '先导新材料', 'Xiandao New Materials', NE, false, null, '用地指标尚未取得（报告另处称“先导科技”）；无宗地'),
  firm('dongmu', '东慕科隆', 'Dongmu Kelong', OT, false, null, '重大项目，在谈；无宗地'),
  firm('yili', '亿利洁能', 'Yili Clean Energy', OT, false, null, '南区集中供汽（供热）项目；计划盘活欧标闲置用地'),
  firm('lianxi', '联熙水务', 'Lianxi Water', OT, false, 2015, '园区污水处理厂运营方；计划扩容'),
  // Holders of idle / low-efficiency plots the report names (their plots are in idle_plots.csv).
  firm('oubiao', '欧标', 'Oubiao', OT, false, null, '闲置用地，计划由亿利洁能盘活用于南区集中供汽项目'),
  firm('yingsheng', '颖盛纺织', 'Yingsheng Textile', TX, false, null, '闲置用地，正在对接盘活'),
  firm('qingfeng', '庆丰包装', 'Qingfeng Packaging', OT, false, null, '闲置用地，继续对接盘活'),
  firm('hongwei', '宏伟汽配', 'Hongwei Auto Parts', OT, false, 2012, '低效用地，继续对接盘活'),
]

const SAMPLE_NOTE = '示例企业 sample firm'
const sample = (id: string, zh: string, en: string, industry: Industry, above: boolean, year: number, chem = false, extra = ''): EnterpriseDef =>
  firm(id, zh, en, industry, above, year, extra ? `${SAMPLE_NOTE}；${extra}` : SAMPLE_NOTE, chem)

/** Invented chemical firms inside cluster A. */
export const CLUSTER_A_SAMPLES: EnterpriseDef[] = [
  sample('sample-chem-01', '赣宏精细化工', 'Ganhong Fine Chemicals', CH, true, 2013, true),
  sample('sample-chem-02', '恒远医药化工', 'Hengyuan Pharma-Chem', CH, true, 2015, true),
  sample('sample-chem-03', '新锐化学', 'Xinrui Chemicals', CH, false, 2017, true),
]

/** An invented chemical firm in Huangxi, outside cluster B: one more of the report's "firms outside the cluster". */
export const HX_CHEM_SAMPLE = sample('sample-chem-04', '瑞丰纺织助剂', 'Ruifeng Textile Auxiliaries', CH, false, 2016, true, '化工企业，不在化工集中区范围内')

/** Invented ordinary firms that fill Fengtian's built parcels, in the order they are placed. */
export const FT_SAMPLES: EnterpriseDef[] = [
  sample('sample-01', '恒锦纺织', 'Hengjin Textile', TX, true, 2011, false, '2022年报表未报送（缺数示例）'),
  sample('sample-02', '润丰织造', 'Runfeng Weaving', TX, true, 2012),
  sample('sample-03', '冯川机械', 'Fengchuan Machinery', OT, true, 2010),
  sample('sample-04', '华瑞针织', 'Huarui Knitting', TX, false, 2014),
  sample('sample-05', '瑞达电子', 'Ruida Electronics', OT, true, 2016),
  sample('sample-06', '新茂纱线', 'Xinmao Yarn', TX, true, 2009),
  sample('sample-07', '赣西物流', 'Ganxi Logistics', OT, false, 2015),
  sample('sample-08', '宏源家纺', 'Hongyuan Home Textiles', TX, false, 2013),
  sample('sample-09', '鑫达建材', 'Xinda Building Materials', OT, false, 2012),
  sample('sample-10', '绿源竹木', 'Lüyuan Bamboo & Wood', OT, false, 2011),
  sample('sample-11', '锂源科技', 'Liyuan Technology', NE, true, 2019),
  sample('sample-12', '雅绒服饰', 'Yarong Apparel', TX, false, 2017),
  sample('sample-13', '科润电器', 'Kerun Electrical', OT, false, 2018),
]

/** Invented small firms (< 3 mu) on the small-firm block. */
export const SMALL_SAMPLES: EnterpriseDef[] = [
  sample('sample-small-01', '精工模具', 'Jinggong Moulds', OT, false, 2019),
  sample('sample-small-02', '巧手工艺', 'Qiaoshou Crafts', OT, false, 2020),
  sample('sample-small-03', '创新印务', 'Chuangxin Printing', OT, false, 2018),
  sample('sample-small-04', '顺达五金', 'Shunda Hardware', OT, false, 2021),
]

/** Invented firms in Huangxi. */
export const HX_SAMPLES: EnterpriseDef[] = [
  sample('sample-hx-01', '博远包装', 'Boyuan Packaging', OT, false, 2020),
  sample('sample-hx-02', '恒通新材', 'Hengtong New Materials', NE, true, 2021),
  sample('sample-hx-03', '德诚仓储', 'Decheng Warehousing', OT, false, 2021),
]

/** The invented buyer of 翔天木业's plot at the court auction. */
export const AUCTION_BUYER = sample('sample-buyer-01', '锦华家居', 'Jinhua Home Furnishing', OT, false, 2022, false, '2022年上半年经法院拍卖竞得翔天木业地块')
