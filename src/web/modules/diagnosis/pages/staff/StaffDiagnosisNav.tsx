import { useTranslation } from 'react-i18next';
import { SubNav } from '../../../../components/SubNav';
import { DIAGNOSIS_ANALYSTS, isStaffRole } from '../../../../lib/roles';
import { useMe } from '../../../accounts/api/auth';

/** Links between the staff's diagnosis pages: statistics, before/after, invitations, instrument, rules. */
export function StaffDiagnosisNav() {
  const { t } = useTranslation();
  const role = useMe().data?.user?.role;
  const staff = isStaffRole(role);
  const items = [
    ...(role && DIAGNOSIS_ANALYSTS.includes(role)
      ? [{ to: '/staff/diagnosis', label: t('diagnosisNav.analytics') }]
      : []),
    ...(staff ? [{ to: '/staff/diagnosis/before-after', label: t('diagnosisNav.beforeAfter') }] : []),
    ...(staff || role === 'partner'
      ? [{ to: '/staff/diagnosis/invitations', label: t('diagnosisNav.invitations') }]
      : []),
    ...(staff
      ? [
          { to: '/staff/diagnosis/instruments', label: t('diagnosisNav.instruments') },
          { to: '/staff/diagnosis/rules', label: t('diagnosisNav.rules') },
        ]
      : []),
  ];
  if (items.length < 2) return null;
  return <SubNav label={t('diagnosisNav.label')} items={items} />;
}
