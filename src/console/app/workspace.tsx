import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState } from 'react';
import { api, unwrap } from '../api/client';
import type { Me, Register, Unit } from '../api/types';
import { earlyBody, peekEarly, takeEarly } from '../early/take';
import type { Digits } from '../lib/thai';
import { chooseUnitId, chosenUnitId } from './chosen-unit';

/** Who is signed in and the unit they work as (a clerk of several units picks one). */
interface Workspace {
  me: Me;
  unitId: string;
  unit: Unit | undefined;
  digits: Digits;
  registers: Register[];
  incomingRegister: Register | undefined;
  /**
   * The unit's open incoming register once the registers have come (at once when they have):
   * a clerk who presses ลงรับ while the page is still loading gets the entry, not an error.
   */
  incomingRegisterReady: () => Promise<Register | undefined>;
  setUnitId: (unitId: string) => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

const openIncoming = (list: Register[]): Register | undefined =>
  list.find((r) => r.kind === 'incoming' && r.active);

function registersQuery(unitId: string) {
  return {
    queryKey: ['registers', unitId],
    queryFn: () =>
      unwrap<Register[]>(
        api.GET('/api/v1/units/{unitId}/registers', { params: { path: { unitId } } }),
      ),
  };
}

/** Who is signed in: the page's inline start script asked already (early/start.ts); once only. */
const meQuery = {
  queryKey: ['me'],
  queryFn: async () => (await earlyBody<Me>(takeEarly('me'))) ?? unwrap<Me>(api.GET('/api/v1/me')),
};

/**
 * When the start script's read of who is signed in is answered, the answer goes into
 * `queryClient` at once, not once the workspace has rendered and asked: the workspace, and
 * the page in it, then render with it in their first render. Only a good answer: anything
 * else is left to the workspace, which reads /me itself once the session is known.
 */
export function prefetchEarlyMe(queryClient: QueryClient): void {
  const read = peekEarly('me');
  void read?.then((answer) => {
    // Not when the workspace has taken it meanwhile (or a session that ended dropped it).
    if (answer?.status === 200 && peekEarly('me') === read) void queryClient.prefetchQuery(meQuery);
  });
}

export function WorkspaceProvider({ children }: { children: React.ReactNode }) {
  const me = useQuery(meQuery);
  const [chosen, setChosen] = useState<string | null>(chosenUnitId);
  const units = me.data?.units ?? [];
  const unitId = units.find((u) => u.unitId === chosen)?.unitId ?? units[0]?.unitId ?? '';
  const unit = useQuery({
    queryKey: ['unit', unitId],
    enabled: unitId !== '',
    queryFn: () =>
      unwrap<Unit>(api.GET('/api/v1/units/{id}', { params: { path: { id: unitId } } })),
  });
  const queryClient = useQueryClient();
  const registers = useQuery({ ...registersQuery(unitId), enabled: unitId !== '' });
  const value = useMemo<Workspace | null>(() => {
    if (!me.data) return null;
    const list = registers.data ?? [];
    return {
      me: me.data,
      unitId,
      unit: unit.data,
      digits: unit.data?.referenceDigits ?? 'thai',
      registers: list,
      incomingRegister: openIncoming(list),
      // The query's own data when it has come; otherwise the request on its way (or a new one).
      incomingRegisterReady: async () =>
        unitId === ''
          ? undefined
          : openIncoming(await queryClient.ensureQueryData(registersQuery(unitId))),
      setUnitId: (id: string) => {
        chooseUnitId(id);
        setChosen(id);
      },
    };
  }, [me.data, unitId, unit.data, registers.data, queryClient]);
  if (me.error) return <p className="alert error">{me.error.message}</p>;
  if (!value) return <p className="muted">กำลังโหลด…</p>;
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}
