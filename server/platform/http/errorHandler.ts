import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ErrorCode, formatError } from '../../../common/errors.ts';
import type { Locale } from '../../../common/locale.ts';
import { validationMessage } from '../../../common/validators/messages.ts';
import { AppError } from '../errors.ts';

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() };

/** Our validators' message when the issue carries one (`params.i18n`), else zod's own, in the caller's language. */
function issueMessage(locale: Locale, issue: { keyword: string; message?: string; params: unknown }): string {
  const key = (issue.params as { params?: { i18n?: string } } | undefined)?.params?.i18n;
  if (key) return validationMessage(key, locale);
  const raw = { code: issue.keyword, ...(issue.params as object) } as Parameters<
    ReturnType<typeof z.locales.en>['localeError']
  >[0];
  const msg = zodLocales[locale].localeError?.(raw);
  return (typeof msg === 'string' ? msg : msg?.message) ?? issue.message ?? issue.keyword;
}

function send(req: FastifyRequest, reply: FastifyReply, err: AppError, field?: string) {
  if (err.headers) reply.headers(err.headers);
  // A validator's reason travels as a key and is put into words here, in the caller's language.
  const params: Record<string, string | number> = { ...err.params, requestId: req.id };
  if (typeof err.params.reasonKey === 'string')
    params.detail = validationMessage(err.params.reasonKey, req.locale);
  const message = formatError(err.code, req.locale, params);
  const f = field ?? err.field;
  return reply.status(err.status).send({
    error: {
      code: err.code,
      message,
      ...(f ? { field: f } : {}),
      ...(err.details ? { details: err.details } : {}),
      requestId: req.id,
    },
  });
}

function fastifyCode(err: FastifyError): ErrorCode | null {
  if (err.statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return 'BAD_REQUEST';
  return null;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) return send(req, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issue = error.validation[0]!;
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const field = path || (error.validationContext ?? 'body');
      const detail = issueMessage(req.locale, issue);
      return send(req, reply, new AppError('VALIDATION_FAILED', { field, detail }), field);
    }
    const code = fastifyCode(error);
    if (code) return send(req, reply, new AppError(code));
    req.log.error({ err: error, requestId: req.id }, 'unhandled error');
    return send(req, reply, new AppError('INTERNAL_ERROR'));
  });
}
