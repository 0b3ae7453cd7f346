import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../server/modules/accounts/contract';
import type { Role } from '../../../../shared/enums';
import { Alert, ErrorAlert, SuccessStatus } from '../../../components/Alert';
import { Dialog } from '../../../components/Dialog';
import { Check, SelectField, TextAreaField } from '../../../components/Field';
import { FieldRows } from '../../../components/FieldRows';
import { SubmitActions } from '../../../components/FormShell';
import { Loading } from '../../../components/Loading';
import { currentLang } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { roleOptions } from '../../../lib/options';
import { useAssociations, usePatchUser, useRoleChanges } from '../api/accounts';

function RoleHistory({ userId, names }: { userId: string; names: Map<string, string> }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const changes = useRoleChanges(userId);
  if (changes.isPending) return <Loading />;
  if (changes.error) return <ErrorAlert error={changes.error} />;
  const role = (r: string | null) => (r ? t(`enums.role.${r}`) : '—');
  return (
    <>
      <h3 className="app-h3">{t('users.roleHistory')}</h3>
      <table className="app-changes">
        <caption>{t('users.roleHistory')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.when')}</th>
            <th scope="col">{t('users.change')}</th>
            <th scope="col">{t('users.by')}</th>
            <th scope="col">{t('common.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.data.items.map((c) => (
            <tr key={c.id}>
              <td>{formatDateTime(c.at, lang)}</td>
              <td>
                {role(c.fromRole)} → {role(c.toRole)}
              </td>
              <td>
                {c.changedBy ? (names.get(c.changedBy) ?? c.changedBy.slice(0, 8)) : t('history.system')}
              </td>
              <td>{c.reason === 'created' ? t('users.createdReason') : c.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ManageForm({ user, names }: { user: User; names: Map<string, string> }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const patch = usePatchUser(user.id);
  const associations = useAssociations();
  const [role, setRole] = useState<Role>(user.role);
  const [association, setAssociation] = useState(user.associationIds[0] ?? '');
  const [active, setActive] = useState(user.active);
  const [unlock, setUnlock] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const body = {
    ...(role !== user.role ? { role } : {}),
    ...(active !== user.active ? { active } : {}),
    ...(unlock && user.lockedUntil ? { unlock: true as const } : {}),
    ...(role === 'partner' && association !== (user.associationIds[0] ?? '')
      ? { associationIds: association ? [association] : [] }
      : {}),
  };
  const changed = Object.keys(body).length > 0;
  const reasonMissing = reason.trim().length < 2;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!changed || reasonMissing) return;
    patch.mutate(
      { ...body, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason('');
          setUnlock(false);
          setTried(false);
        },
      },
    );
  };
  const assocName = (id: string) => associations.data?.items.find((a) => a.id === id)?.name ?? id;

  return (
    <div className="app-stack">
      <FieldRows
        rows={[
          { label: t('fields.email'), value: user.email },
          { label: t('fields.role'), value: t(`enums.role.${user.role}`) },
          { label: t('users.status'), value: user.active ? t('users.active') : t('users.disabled') },
          {
            label: t('users.lockedUntil'),
            value: user.lockedUntil ? formatDateTime(user.lockedUntil, lang) : '',
          },
          { label: t('users.lastLogin'), value: formatDateTime(user.lastLoginAt, lang) },
          { label: t('fields.associations'), value: user.associationIds.map(assocName).join(', ') },
        ]}
      />
      <SuccessStatus>{patch.isSuccess && t('users.saved')}</SuccessStatus>
      <form onSubmit={submit} noValidate className="fieldset">
        <SelectField
          label={t('fields.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          options={roleOptions(t)}
        />
        {role === 'partner' && (
          <SelectField
            label={t('fields.association')}
            value={association}
            onChange={(e) => setAssociation(e.target.value)}
            placeholder={t('common.select')}
            options={(associations.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        )}
        <Check
          label={t('users.activeLabel')}
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          description={t('users.activeHint')}
        />
        {user.lockedUntil && (
          <Check label={t('users.unlock')} checked={unlock} onChange={(e) => setUnlock(e.target.checked)} />
        )}
        <TextAreaField
          label={t('common.reason')}
          required
          rows={2}
          maxLength={300}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          hint={t('users.reasonHint')}
          error={tried && reasonMissing ? { message: 'reason_short' } : undefined}
        />
        {tried && !changed && <Alert tone="info">{t('common.unchanged')}</Alert>}
        {patch.error && <ErrorAlert error={patch.error} />}
        <SubmitActions label={t('users.saveChanges')} pending={patch.isPending} />
      </form>
      <RoleHistory userId={user.id} names={names} />
    </div>
  );
}

/** Change role (and association), disable/enable or unlock an account, with a reason; role history. */
export function UserManageDialog({
  user,
  onClose,
  names,
}: {
  user: User | null;
  onClose: () => void;
  names: Map<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={!!user}
      size="lg"
      onClose={onClose}
      title={user ? t('users.manageTitle', { name: user.name }) : ''}
      footer={
        <button type="button" className="krds-btn medium secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      {user && <ManageForm key={user.id} user={user} names={names} />}
    </Dialog>
  );
}
