import { todayIn } from '../../../common/dates.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';

/** What every billing route shares: who reads, who handles money, the OpenAPI tag, the business date. */
export const READ = STAFF_ROLES;
/** Finance runs billing, handles money, settles and issues statements (R5.1, R5.2); administrators too. */
export const MONEY = ['admin', 'finance'] as const;
export const TAGS = ['billing'];

type Req = { auth: { org: { timeZone: string } } | null };
/** Today in the organization's time zone. */
export const today = (req: Req) => todayIn(req.auth!.org.timeZone);
