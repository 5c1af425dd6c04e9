import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError } from './api.ts';
import { i18n } from './i18n.ts';

type NamePath = (string | number)[];

/**
 * The form's own name path for a field the server names. The server may name an element (`roles.0`), a
 * full path (`body.newPassword`) or a nested field (`terms.rentFree.0.to`); antd needs the path as an array,
 * since a dotted string would be taken as one flat name.
 */
function formField(form: FormInstance, field: string): NamePath | undefined {
  const names = form.getFieldsError().map((f) => f.name as NamePath);
  const find = (candidate: string) => names.find((name) => name.join('.') === candidate);
  const parts = field.split('.');
  for (let i = parts.length; i > 0; i--) {
    const name = find(parts.slice(0, i).join('.'));
    if (name) return name;
  }
  for (const part of parts.slice(1)) {
    const name = find(part);
    if (name) return name;
  }
  return undefined;
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
