/**
 * Enter in a reason box sends the form, as in every other field; Shift+Enter starts a new line, and an
 * Enter that confirms an input method's composition (拼音) does neither.
 */
export const submitOnEnter =
  (form: { submit: () => void }) =>
  (e: { shiftKey: boolean; preventDefault: () => void; nativeEvent: { isComposing?: boolean } }) => {
    if (e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    form.submit();
  };
