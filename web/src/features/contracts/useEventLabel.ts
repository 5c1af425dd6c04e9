import { useTranslation } from 'react-i18next';
import { type EventFact, eventFacts, yuanText } from './contractsFormat.ts';

/**
 * An event kind (`signed`, `handed_over` …) in the user's language. The server may add kinds the web app
 * does not know yet; those show as they come rather than as a missing key.
 */
export function useEventLabel() {
  const { t, i18n } = useTranslation();
  return (kind: string) => {
    const key = `contracts.eventKinds.${kind}`;
    return i18n.exists(key) ? t(key) : kind.replaceAll('_', ' ');
  };
}

/** The facts worth showing under an event, labelled, with amounts in yuan and codes translated. */
export function useEventFacts() {
  const { t, i18n } = useTranslation();
  const valueText = (key: EventFact, value: string | number): string => {
    if (key === 'amountFen' || key === 'damagesFen')
      return typeof value === 'number' ? yuanText(value) : value;
    const group = { kind: 'violationKinds', action: 'violationActions', method: 'deliveryMethods' }[
      key as string
    ];
    const code = group && `contracts.${group}.${value}`;
    if (code && i18n.exists(code)) return t(code);
    if (key === 'reason' && i18n.exists(`contracts.terminationReasons.${value}`))
      return t(`contracts.terminationReasons.${value}`);
    return String(value);
  };
  return (data: Record<string, unknown>): [string, string][] =>
    eventFacts(data).map(([key, value]) => [t(`contracts.eventFacts.${key}`), valueText(key, value)]);
}
