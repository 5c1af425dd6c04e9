import { describe, expect, it } from 'vitest';
import { submitOnEnter } from './submitOnEnter.ts';

describe('Enter in a reason box', () => {
  const press = (shiftKey: boolean, isComposing = false) => {
    let submitted = 0;
    let prevented = 0;
    submitOnEnter({ submit: () => submitted++ })({
      shiftKey,
      preventDefault: () => prevented++,
      nativeEvent: { isComposing },
    });
    return { submitted, prevented };
  };
  it('sends the form, instead of a new line', () => {
    expect(press(false)).toEqual({ submitted: 1, prevented: 1 });
  });

  it('leaves Shift+Enter a new line and an input method its composition', () => {
    expect(press(true)).toEqual({ submitted: 0, prevented: 0 });
    expect(press(false, true)).toEqual({ submitted: 0, prevented: 0 });
  });
});
