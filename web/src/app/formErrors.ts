import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError } from './api.ts';
import { i18n } from './i18n.ts';

function formField(form: FormInstance, field: string): string | undefined {
  const names = form.getFieldsError().map((f) => f.name.join('.'));
  // The server may name an element (`roles.0`) or a full path (`body.newPassword`); the form knows the field.
  const parts = field.split('.');
  for (let i = parts.length; i > 0; i--) {
    const candidate = parts.slice(0, i).join('.');
    if (names.includes(candidate)) return candidate;
  }
  return parts.slice(1).find((part) => names.includes(part));
}

/**
 * Shows an API error where the user will look for it: under the form field it concerns when the form
 * has that field, otherwise as a message at the top of the page.
 */
export function showError(error: unknown, message: MessageInstance, form?: FormInstance): void {
  if (!(error instanceof ApiError)) {
    void message.error(i18n.t('errors.unexpected'));
    return;
  }
  const name = form && error.field ? formField(form, error.field) : undefined;
  if (form && name) {
    form.setFields([{ name, errors: [error.message] }]);
    return;
  }
  void message.error(error.message);
}
