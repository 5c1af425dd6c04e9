import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { showError } from '../../app/formErrors.ts';
import {
  deleteUnit,
  endUnavailability,
  type OccupancyRow,
  SPACES,
  type UnitView,
  updateUnit,
} from './spacesApi.ts';

/** The drawer's one-click actions, each behind a confirmation, refreshing every spaces view afterwards. */
export function useUnitActions(onDeleted: () => void) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: [SPACES] });

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      await refresh();
      return true;
    } catch (e) {
      showError(e, message);
      return false;
    }
  };

  const confirm = (title: string, content: string, danger: boolean, onOk: () => Promise<unknown>) =>
    modal.confirm({
      title,
      content,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger },
      onOk,
    });

  return {
    setRetired: (unit: UnitView, retired: boolean) =>
      confirm(
        t(retired ? 'spaces.unit.confirmRetire' : 'spaces.unit.confirmUnretire', { code: unit.code }),
        t(retired ? 'spaces.unit.retireHint' : 'spaces.unit.unretireHint'),
        retired,
        () =>
          run(
            () => updateUnit(unit.id, { retired }),
            t(retired ? 'spaces.unit.retiredDone' : 'spaces.unit.unretiredDone', { code: unit.code }),
          ),
      ),
    remove: (unit: UnitView) =>
      confirm(
        t('spaces.unit.confirmDelete', { code: unit.code }),
        t('spaces.unit.deleteHint'),
        true,
        async () => {
          if (await run(() => deleteUnit(unit.id), t('spaces.unit.deleted', { code: unit.code })))
            onDeleted();
        },
      ),
    endUnavailable: (unit: UnitView, row: OccupancyRow) =>
      confirm(
        t('spaces.occupancy.confirmEnd', { code: unit.code }),
        t('spaces.occupancy.endHint', { from: row.from, to: row.to }),
        false,
        () => run(() => endUnavailability(unit.id, row.id), t('spaces.occupancy.ended', { code: unit.code })),
      ),
  };
}
