import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api.ts';
import { showError } from './formErrors.ts';

function fakeForm(fields: (string | (string | number)[])[]) {
  const setFields = vi.fn();
  const form = {
    getFieldsError: () => fields.map((f) => ({ name: typeof f === 'string' ? [f] : f, errors: [] })),
    setFields,
  };
  return { form: form as unknown as FormInstance, setFields };
}

function fakeMessage() {
  const error = vi.fn();
  return { message: { error } as unknown as MessageInstance, error };
}

const apiError = (field?: string) =>
  new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: '字段有误', field });

describe('showError', () => {
  it('puts the message under the field the server names', () => {
    const { form, setFields } = fakeForm(['username', 'roles']);
    const { message, error } = fakeMessage();
    showError(apiError('roles.0'), message, form);
    expect(setFields).toHaveBeenCalledWith([{ name: ['roles'], errors: ['字段有误'] }]);
    expect(error).not.toHaveBeenCalled();
  });

  it('finds the field inside a full path', () => {
    const { form, setFields } = fakeForm(['newPassword']);
    showError(apiError('body.newPassword'), fakeMessage().message, form);
    expect(setFields).toHaveBeenCalledWith([{ name: ['newPassword'], errors: ['字段有误'] }]);
  });

  it('points at a nested field by its path, list index included', () => {
    const { form, setFields } = fakeForm([
      ['terms', 'rentFree', 0, 'from'],
      ['terms', 'rentFree', 0, 'to'],
      ['terms', 'units', 1, 'unitId'],
    ]);
    showError(apiError('terms.rentFree.0.to'), fakeMessage().message, form);
    expect(setFields).toHaveBeenLastCalledWith([
      { name: ['terms', 'rentFree', 0, 'to'], errors: ['字段有误'] },
    ]);
    showError(apiError('terms.units.1.unitId'), fakeMessage().message, form);
    expect(setFields).toHaveBeenLastCalledWith([
      { name: ['terms', 'units', 1, 'unitId'], errors: ['字段有误'] },
    ]);
  });

  it('falls back to a message when the form has no such field', () => {
    const { form, setFields } = fakeForm(['username']);
    const { message, error } = fakeMessage();
    showError(apiError('org'), message, form);
    showError(apiError(), message, form);
    expect(setFields).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledWith('字段有误');
  });
});
