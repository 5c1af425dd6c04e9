import { addDays, addYears } from '../../../common/dates.ts';
import type { INDUSTRIES } from '../../../common/schemas/customers.ts';
import { completeUscc } from '../../../common/validators/uscc.ts';
import { blacklistCustomer } from '../../modules/customers/blacklist.ts';
import { addContact } from '../../modules/customers/contacts.ts';
import { createCustomer } from '../../modules/customers/createCustomer.ts';
import { uploadDocument } from '../../modules/customers/documents.ts';
import type { Ctx } from '../../platform/context.ts';
import type { FileStore } from '../../platform/files/fileStore.ts';

type Industry = (typeof INDUSTRIES)[number];

const CITIES = ['上海', '苏州', '杭州', '南京', '宁波', '无锡', '合肥', '嘉兴'];
const CORES = [
  '星澜',
  '云杉',
  '澄湖',
  '青禾',
  '嘉禾',
  '远帆',
  '博衍',
  '瑞丰',
  '恒信',
  '汇通',
  '启明',
  '睿思',
  '致远',
  '鼎盛',
  '鸿运',
  '华岳',
  '海纳',
  '锦程',
  '智联',
  '优品',
  '领航',
  '同舟',
  '新桥',
  '明德',
  '光合',
  '和光',
  '峰岭',
  '长风',
  '万象',
  '初见',
];
const TRADES: { word: string; industry: Industry; scale: 'micro' | 'small' | 'medium' | 'large' }[] = [
  { word: '信息科技', industry: 'it', scale: 'small' },
  { word: '软件技术', industry: 'it', scale: 'medium' },
  { word: '电子商务', industry: 'ecommerce', scale: 'small' },
  { word: '供应链管理', industry: 'logistics', scale: 'medium' },
  { word: '物流', industry: 'logistics', scale: 'large' },
  { word: '智能制造', industry: 'manufacturing', scale: 'medium' },
  { word: '国际贸易', industry: 'trade', scale: 'small' },
  { word: '投资管理', industry: 'finance', scale: 'micro' },
  { word: '企业管理咨询', industry: 'professional', scale: 'micro' },
  { word: '生物医药', industry: 'biotech', scale: 'medium' },
  { word: '教育科技', industry: 'education', scale: 'small' },
  { word: '文化传媒', industry: 'culture', scale: 'small' },
];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '晓东',
  '海燕',
  '建华',
  '丽华',
];
const TITLES = ['总经理', '行政经理', '财务经理', '办公室主任', '仓储主管', '采购经理'];
const TAGS = ['重点客户', '园区招商', '续租意向', '扩租需求', '政府补贴'];

const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;
const person = (n: number) => pick(SURNAMES, n * 7 + 3) + pick(GIVEN, n * 11 + 5);

/** A one-page PDF, the same bytes for every demo document (stored once, by checksum). */
const DEMO_PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
    '4 0 obj << /Length 62 >> stream',
    'BT /F1 18 Tf 72 760 Td (Demo copy: business licence) Tj ET',
    'endstream endobj',
    '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n'),
);

/**
 * About sixty customer files with contacts, and (when a file store is given) business licences and tax
 * registrations whose expiry dates spread over expired, expiring within 30 days and valid, through the same
 * use-cases as the app. Statuses beyond prospect come from applications and contracts; two customers are
 * on the blacklist with a reason.
 */
export async function seedDemoCustomers(
  ctx: Ctx,
  businessDate: string,
  managers: { business: string[]; management: string },
  files?: FileStore,
): Promise<number> {
  const count = 60;
  for (let i = 0; i < count; i++) {
    const trade = pick(TRADES, i);
    const name = `${pick(CITIES, i * 3)}${pick(CORES, i)}${trade.word}有限公司`;
    const region = pick(['310115', '320506', '330106', '320106', '330212'], i);
    const customer = await createCustomer(ctx, {
      name,
      kind: i % 17 === 16 ? 'individual_business' : 'company',
      uscc: completeUscc(
        `91${region}MA${String(1000 + i * 37).padStart(4, '0')}${pick(['XY', 'KL', 'QR', 'BN'], i)}`,
      ),
      legalRepresentative: person(i),
      registeredCapital: (50 + ((i * 97) % 1950)) * 1_000_000, // 50万 to 2000万 yuan, in fen
      establishedOn: addDays(addYears(businessDate, -2 - (i % 15)), -((i * 53) % 300)),
      industry: trade.industry,
      registeredAddress: `${pick(CITIES, i * 3)}市${pick(['浦东新区', '工业园区', '滨江区', '建邺区', '高新区'], i)}${pick(['科苑路', '星湖街', '江南大道', '创新路', '金桥路'], i * 5)}${10 + i}号`,
      scale: trade.scale,
      accountManagerId: pick(managers.business, i),
      tags: i % 4 === 0 ? [pick(TAGS, i)] : [],
      notes: i % 6 === 0 ? '需要独立出入口，关注电力容量。' : null,
      allowSimilarName: true,
    });
    const contacts = 1 + (i % 3 === 0 ? 1 : 0);
    for (let k = 0; k < contacts; k++) {
      const n = i * 2 + k;
      await addContact(ctx, customer.id, {
        name: person(n + 40),
        title: pick(TITLES, n),
        mobile: `13${pick(['8', '9', '6', '7'], n)}${String(10_000_000 + ((n * 7_919_337) % 89_999_999)).slice(0, 8)}`,
        email: k === 0 ? `contact${i + 1}@demo-customer${i + 1}.cn` : null,
        isPrimary: k === 0,
        roles: k === 0 ? ['signatory'] : ['finance'],
      });
    }
    if (files) {
      // Licences expire between 40 days ago and four years ahead: a few expired, a few expiring soon.
      const expires = addDays(businessDate, ((i * 131) % 1500) - 40);
      await uploadDocument(
        ctx,
        files,
        customer.id,
        {
          kind: 'business_licence',
          documentNo: customer.uscc,
          issuedOn: customer.establishedOn,
          expiresOn: expires,
        },
        { fileName: '营业执照.pdf', bytes: DEMO_PDF },
      );
      if (i % 2 === 0) {
        await uploadDocument(
          ctx,
          files,
          customer.id,
          {
            kind: 'tax_registration',
            documentNo: customer.uscc,
            issuedOn: customer.establishedOn,
            expiresOn: null,
          },
          { fileName: '税务登记证.pdf', bytes: DEMO_PDF },
        );
      }
    }
    if (i === 13 || i === 41) {
      await blacklistCustomer(
        { ...ctx, actor: { kind: 'user', id: managers.management, roles: ['management'] } },
        customer.id,
        i === 13 ? '连续三期恶意拖欠租金，经催告仍拒不支付' : '擅自转租并改变房屋用途',
      );
    }
  }
  return count;
}
