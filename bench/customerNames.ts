import { INDUSTRIES } from '../common/schemas/customers.ts';

/**
 * Realistic Chinese company names, USCCs and mobiles for the customer-search benchmark, from a seeded
 * generator so a rebuilt data set is the same. A name is city + core (two words of a 600-word vocabulary)
 * + industry word + legal form, e.g. 杭州宏达信远网络科技有限公司: three characters of the core match a
 * few to a few hundred rows of a million, as a person's search would; the industry word and legal form
 * are common to many rows, as in real registers.
 */

/** Mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** City, its administrative-division code (the USCC's positions 3-8) and a district. */
const CITIES: readonly [string, string, string][] = [
  ['上海', '310115', '浦东新区'],
  ['北京', '110105', '朝阳区'],
  ['深圳', '440305', '南山区'],
  ['广州', '440106', '天河区'],
  ['杭州', '330106', '西湖区'],
  ['苏州', '320505', '虎丘区'],
  ['南京', '320104', '秦淮区'],
  ['成都', '510107', '武侯区'],
  ['重庆', '500105', '江北区'],
  ['武汉', '420106', '武昌区'],
  ['西安', '610113', '雁塔区'],
  ['天津', '120116', '滨海新区'],
  ['厦门', '350206', '湖里区'],
  ['宁波', '330212', '鄞州区'],
  ['青岛', '370212', '崂山区'],
  ['长沙', '430104', '岳麓区'],
  ['郑州', '410105', '金水区'],
  ['合肥', '340104', '蜀山区'],
  ['福州', '350102', '鼓楼区'],
  ['济南', '370102', '历下区'],
  ['昆明', '530102', '五华区'],
  ['无锡', '320214', '新吴区'],
  ['佛山', '440604', '禅城区'],
  ['东莞', '441900', '南城街道'],
  ['大连', '210204', '沙河口区'],
  ['沈阳', '210102', '和平区'],
  ['南昌', '360102', '东湖区'],
  ['贵阳', '520103', '云岩区'],
  ['南宁', '450103', '青秀区'],
  ['石家庄', '130102', '长安区'],
  ['太原', '140105', '小店区'],
  ['哈尔滨', '230103', '南岗区'],
  ['长春', '220104', '朝阳区'],
  ['珠海', '440402', '香洲区'],
  ['温州', '330302', '鹿城区'],
  ['嘉兴', '330402', '南湖区'],
  ['绍兴', '330602', '越城区'],
  ['常州', '320411', '新北区'],
  ['烟台', '370602', '芝罘区'],
  ['泉州', '350503', '丰泽区'],
];

const NAME_CHARS =
  '宏达信远华泰鑫瑞恒盛嘉禾伟业兴隆丰源晟博智云海天创新佳美安康宁和顺祥福德正通汇聚润益腾飞龙凤金银星辰光明阳春秋东南西北中诚卓越峰岭森林江河湖川志鸿骏凯旭昊宇浩辉锦绣翔鹏坤乾元亨利贞立方圆科晶玉石泽蓝青松竹梅兰菊荣耀尚品优精维纳百千万亿合众友邦联盟宝图谷仁义礼雅致航启朗铭轩睿杰豪强';

/** 600 distinct two-character words from the characters above. */
const WORDS: readonly string[] = (() => {
  const r = random(7);
  const chars = [...NAME_CHARS];
  const words = new Set<string>();
  while (words.size < 600) {
    const a = pick(r, chars);
    const b = pick(r, chars);
    if (a !== b) words.add(a + b);
  }
  return [...words];
})();

const INDUSTRY_WORDS: Record<(typeof INDUSTRIES)[number], readonly string[]> = {
  it: ['科技', '信息技术', '软件', '网络科技', '数据服务'],
  ecommerce: ['电子商务', '电商', '网络销售'],
  logistics: ['物流', '供应链管理', '仓储', '国际货运代理'],
  manufacturing: ['机械制造', '精密制造', '新材料', '电子'],
  trade: ['贸易', '进出口', '商贸', '实业'],
  finance: ['投资管理', '资产管理', '融资租赁'],
  professional: ['企业管理咨询', '财务咨询', '人力资源', '知识产权代理'],
  biotech: ['生物科技', '医药科技', '医疗器械'],
  education: ['教育科技', '文化培训'],
  culture: ['文化传媒', '广告', '影视'],
  construction: ['建筑工程', '装饰工程', '建设'],
  other: ['发展', '服务'],
};
const FORMS = ['有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const ROADS = ['人民路', '中山路', '解放路', '建设路', '科技路', '创业大道', '世纪大道', '长江路', '新华路'];
const SHOP_WORDS = ['餐饮店', '便利店', '五金店', '商行', '服装店', '电器维修部', '水果店'];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅志文斌鹏飞宇浩婷雪琳晨欣怡子涵思远嘉俊佳',
];
const MOBILE_PREFIXES = [
  '139',
  '138',
  '137',
  '136',
  '135',
  '158',
  '159',
  '150',
  '186',
  '187',
  '188',
  '189',
  '177',
  '180',
  '181',
  '191',
  '199',
  '133',
  '153',
  '173',
];

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid USCC (both check characters right), distinct for each n below 10^8. */
export function uscc(n: number, region: string, individual = false): string {
  const org = String((n * 7919 + 12_345) % 100_000_000).padStart(8, '0');
  const orgSum = [...org].reduce((s, c, i) => s + Number(c) * ORG_WEIGHTS[i]!, 0);
  const oc = 11 - (orgSum % 11);
  const first17 = `${individual ? '92' : '91'}${region}${org}${oc === 10 ? 'X' : oc === 11 ? '0' : String(oc)}`;
  const sum = [...first17].reduce((s, c, i) => s + USCC_ALPHABET.indexOf(c) * USCC_WEIGHTS[i]!, 0);
  return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** A mobile number, distinct for each n below 10^8. */
export function mobile(n: number): string {
  const digits = String((n * 48_271 + 7_777) % 100_000_000).padStart(8, '0');
  return MOBILE_PREFIXES[n % MOBILE_PREFIXES.length] + digits;
}

export function personName(r: () => number): string {
  return pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : '');
}

export interface GeneratedCustomer {
  name: string;
  uscc: string;
  kind: 'company' | 'individual_business';
  industry: (typeof INDUSTRIES)[number];
  legalRepresentative: string;
  address: string;
}

/** Customer number n: 92% companies, 8% individual businesses (个体工商户). */
export function customerAt(n: number, r: () => number): GeneratedCustomer {
  const [city, region, district] = pick(r, CITIES);
  const industry = pick(r, INDUSTRIES);
  const legalRepresentative = personName(r);
  const address = `${city}市${district}${pick(r, ROADS)}${1 + Math.floor(r() * 999)}号`;
  if (r() < 0.08) {
    const name = `${city}市${district}${legalRepresentative.slice(0, 1)}记${pick(r, WORDS)}${pick(r, SHOP_WORDS)}`;
    return {
      name,
      uscc: uscc(n, region, true),
      kind: 'individual_business',
      industry: 'trade',
      legalRepresentative,
      address,
    };
  }
  const core = pick(r, WORDS) + (r() < 0.85 ? pick(r, WORDS) : '');
  const name = `${city}${core}${pick(r, INDUSTRY_WORDS[industry])}${pick(r, FORMS)}`;
  return { name, uscc: uscc(n, region), kind: 'company', industry, legalRepresentative, address };
}
