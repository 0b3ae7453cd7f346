import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../../components/Dialog';
import { currentLang } from '../../../i18n';
import { brn } from '../../../lib/format';
import { withJosa } from '../../../lib/josa';
import { useMergeCompany } from '../api/companies';

interface Side {
  id: string;
  name: string;
  brn: string;
}

/**
 * Merging one record into another (the registry keeps `into`), after a reason. Open while `merging` is
 * set; `onMerged` gets the sentence that tells what was merged.
 */
export function MergeDialog({
  merging,
  onClose,
  onMerged,
}: {
  merging: { from: Side; into: Side } | null;
  onClose: () => void;
  onMerged: (note: string) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const merge = useMergeCompany(merging?.into.id ?? '');
  return (
    <ReasonDialog
      open={!!merging}
      onClose={() => {
        onClose();
        merge.reset();
      }}
      title={t('duplicates.mergeTitle')}
      danger
      description={
        merging && (
          <p>
            {t('duplicates.mergeBody', {
              fromName: merging.from.name,
              fromBrn: brn(merging.from.brn),
              into: withJosa(merging.into.name, '으로/로', lang),
            })}
          </p>
        )
      }
      confirmLabel={t('duplicates.mergeConfirm')}
      pending={merge.isPending}
      error={merge.error}
      onConfirm={(reason) =>
        merging &&
        merge.mutate(
          { fromId: merging.from.id, reason },
          {
            onSuccess: () =>
              onMerged(
                t('duplicates.merged', {
                  from: withJosa(merging.from.name, '을/를', lang),
                  into: withJosa(merging.into.name, '으로/로', lang),
                }),
              ),
          },
        )
      }
    />
  );
}
