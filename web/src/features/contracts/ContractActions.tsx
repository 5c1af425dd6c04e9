import {
  AuditOutlined,
  CloseCircleOutlined,
  EditOutlined,
  ExportOutlined,
  FilePdfOutlined,
  FileSyncOutlined,
  KeyOutlined,
  RollbackOutlined,
  SendOutlined,
  SignatureOutlined,
  StopOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { AmendmentModal, DecisionModal } from './AmendmentModals.tsx';
import { DemandModal, TerminateModal, ViolationActionModal, ViolationModal } from './BreachModals.tsx';
import {
  CONTRACTS,
  type ContractAction,
  type ContractView,
  can,
  contractCommands,
  contractPdfUrl,
  type VersionView,
  type ViolationView,
} from './contractsApi.ts';
import { MoveOutModal } from './MoveOutModal.tsx';
import { HandoverModal } from './OccupancyModals.tsx';
import { ArchiveModal, CancelModal, ExplanationModal, SignModal } from './SigningModals.tsx';

/** The modal open on the contract page, if any. */
export type Dialog =
  | { kind: 'explain' | 'sign' | 'cancel' | 'archive' | 'hand_over' | 'amend' }
  | { kind: 'record_violation' | 'record_demand' | 'terminate' | 'move_out' }
  | { kind: 'act'; violation: ViolationView }
  | { kind: 'decide'; version: VersionView };

/** Actions that open a form, in the order their buttons stand; the first the contract offers is primary. */
const FORMS: { action: ContractAction & Dialog['kind']; icon: ReactNode; danger?: boolean }[] = [
  { action: 'explain', icon: <AuditOutlined /> },
  { action: 'sign', icon: <SignatureOutlined /> },
  { action: 'hand_over', icon: <KeyOutlined /> },
  { action: 'amend', icon: <EditOutlined /> },
  { action: 'record_violation', icon: <WarningOutlined /> },
  { action: 'record_demand', icon: <SendOutlined /> },
  { action: 'move_out', icon: <ExportOutlined /> },
  { action: 'terminate', icon: <StopOutlined />, danger: true },
  { action: 'cancel', icon: <CloseCircleOutlined />, danger: true },
];

/** The buttons of what the signed-in user may do now (the server's `actions`), and the PDF. */
export function ContractButtons({ view, open }: { view: ContractView; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);

  const command = async (name: string, run: () => Promise<ContractView>, doneKey: string) => {
    setBusy(name);
    try {
      const result = await run();
      await queryClient.invalidateQueries({ queryKey: [CONTRACTS] });
      void message.success(t(doneKey, { number: result.number }));
      return result;
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('errors.unexpected'));
      return null;
    } finally {
      setBusy(null);
    }
  };
  const confirm = (title: string, content: string, onOk: () => Promise<unknown>) =>
    modal.confirm({ title, content, onOk, okText: t('common.ok'), cancelText: t('common.cancel') });

  const forms = FORMS.filter((f) => can(view, f.action));
  // The workflow's next step stands out; the rest of what a binding contract offers are plain buttons.
  const next: ContractAction | null =
    view.status === 'pending_signature'
      ? view.explanation
        ? 'sign'
        : 'explain'
      : view.status === 'signed'
        ? 'hand_over'
        : null;
  const primaryForm = next && can(view, next) ? next : null;
  return (
    <>
      {can(view, 'edit') && (
        <Button icon={<EditOutlined />} onClick={() => navigate(`/contracts/${view.id}/edit`)}>
          {t('common.edit')}
        </Button>
      )}
      {can(view, 'submit') && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy === 'submit'}
          onClick={() =>
            void command('submit', () => contractCommands.submit(view.id), 'contracts.submitted')
          }
        >
          {t('contracts.actions.submit')}
        </Button>
      )}
      {can(view, 'reopen') && (
        <Button
          icon={<RollbackOutlined />}
          loading={busy === 'reopen'}
          onClick={() =>
            confirm(t('contracts.reopen.title'), t('contracts.reopen.content'), () =>
              command('reopen', () => contractCommands.reopen(view.id), 'contracts.reopen.done'),
            )
          }
        >
          {t('contracts.actions.reopen')}
        </Button>
      )}
      {forms.map((f) => (
        <Button
          key={f.action}
          type={f.action === primaryForm ? 'primary' : 'default'}
          danger={f.danger}
          icon={f.icon}
          onClick={() => open({ kind: f.action })}
        >
          {t(`contracts.actions.${f.action}`)}
        </Button>
      ))}
      {can(view, 'renew') && (
        <Button
          icon={<FileSyncOutlined />}
          loading={busy === 'renew'}
          onClick={() =>
            confirm(
              t('contracts.renew.title'),
              t('contracts.renew.content', { number: view.number }),
              async () => {
                const draft = await command(
                  'renew',
                  () => contractCommands.renew(view.id),
                  'contracts.renew.done',
                );
                if (draft) navigate(`/contracts/${draft.id}`);
              },
            )
          }
        >
          {t('contracts.actions.renew')}
        </Button>
      )}
      <Button
        icon={<FilePdfOutlined />}
        href={contractPdfUrl(view.id)}
        target="_blank"
        data-testid="contract-pdf"
      >
        {t('contracts.pdf')}
      </Button>
    </>
  );
}

/** The modal of the dialog that is open. */
export function ContractDialog({
  view,
  dialog,
  onClose,
}: {
  view: ContractView;
  dialog: Dialog | null;
  onClose: () => void;
}) {
  if (!dialog) return null;
  const props = { view, onClose };
  switch (dialog.kind) {
    case 'explain':
      return <ExplanationModal {...props} />;
    case 'sign':
      return <SignModal {...props} />;
    case 'cancel':
      return <CancelModal {...props} />;
    case 'archive':
      return <ArchiveModal {...props} />;
    case 'hand_over':
      return <HandoverModal {...props} />;
    case 'amend':
      return <AmendmentModal {...props} />;
    case 'record_violation':
      return <ViolationModal {...props} />;
    case 'record_demand':
      return <DemandModal {...props} />;
    case 'terminate':
      return <TerminateModal {...props} />;
    case 'move_out':
      return <MoveOutModal {...props} />;
    case 'act':
      return <ViolationActionModal {...props} violation={dialog.violation} />;
    case 'decide':
      return <DecisionModal {...props} version={dialog.version} />;
  }
}
