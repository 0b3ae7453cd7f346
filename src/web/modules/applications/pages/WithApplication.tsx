import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { type Call, useCall } from '../../programs/api/calls';
import { type Application, useApplication } from '../api/applications';

/** Loads an application and then its call; `children` render once both are here (the form, the 접수증). */
export function WithApplication({
  id,
  children,
}: {
  id: string;
  children: (app: Application, call: Call) => ReactNode;
}) {
  const app = useApplication(id);
  const call = useCall(app.data?.callId ?? '', undefined);
  if (app.isPending || (app.data && call.isPending)) return <Loading />;
  if (app.error) return <ErrorAlert error={app.error} />;
  if (call.error) return <ErrorAlert error={call.error} />;
  if (!call.data) return <Loading />;
  return children(app.data, call.data);
}
