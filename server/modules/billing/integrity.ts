import type { Ctx } from '../../platform/context.ts';
import type { JobDefinition } from '../../platform/jobs/registry.ts';
import { findProblems } from './integrityRepo.ts';

/**
 * The receivables integrity check (R5.2.3): every customer's charges less money received equals what the
 * bills say is outstanding less their credit; bills and payments agree with their allocations; no line
 * is settled beyond its amount; no charge is billed twice. Returns what breaks a rule.
 */
export const checkIntegrity = (ctx: Pick<Ctx, 'tx'>) => findProblems(ctx.tx);

export const billingIntegrityJob: JobDefinition = {
  name: 'billing-integrity',
  description: { 'zh-CN': '应收账款一致性检查', en: 'Receivables integrity check' },
  schedule: '30 5 * * *',
  async run(job) {
    const problems = await job.inOrg((ctx) => checkIntegrity(ctx));
    if (problems.length) {
      // A failed run tells the administrators, with the first differences.
      const shown = problems.slice(0, 5).map((p) => `${p.check} ${p.id}: ${p.detail}`);
      throw new Error(`${problems.length} integrity problem(s): ${shown.join('; ')}`);
    }
    return { problems: 0 };
  },
};
