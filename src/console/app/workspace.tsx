import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState } from 'react';
import { api, unwrap } from '../api/client';
import type { Me, Register, Unit } from '../api/types';
import { earlyBody, takeEarly } from '../early/take';
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
  setUnitId: (unitId: string) => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider({ children }: { children: React.ReactNode }) {
  const me = useQuery({
    queryKey: ['me'],
    // The page's inline start script asked already (early/start.ts); once only.
    queryFn: async () =>
      (await earlyBody<Me>(takeEarly('me'))) ?? unwrap<Me>(api.GET('/api/v1/me')),
  });
  const [chosen, setChosen] = useState<string | null>(chosenUnitId);
  const units = me.data?.units ?? [];
  const unitId = units.find((u) => u.unitId === chosen)?.unitId ?? units[0]?.unitId ?? '';
  const unit = useQuery({
    queryKey: ['unit', unitId],
    enabled: unitId !== '',
    queryFn: () =>
      unwrap<Unit>(api.GET('/api/v1/units/{id}', { params: { path: { id: unitId } } })),
  });
  const registers = useQuery({
    queryKey: ['registers', unitId],
    enabled: unitId !== '',
    queryFn: () =>
      unwrap<Register[]>(
        api.GET('/api/v1/units/{unitId}/registers', { params: { path: { unitId } } }),
      ),
  });
  const value = useMemo<Workspace | null>(() => {
    if (!me.data) return null;
    const list = registers.data ?? [];
    return {
      me: me.data,
      unitId,
      unit: unit.data,
      digits: unit.data?.referenceDigits ?? 'thai',
      registers: list,
      incomingRegister: list.find((r) => r.kind === 'incoming' && r.active),
      setUnitId: (id: string) => {
        chooseUnitId(id);
        setChosen(id);
      },
    };
  }, [me.data, unitId, unit.data, registers.data]);
  if (me.error) return <p className="alert error">{me.error.message}</p>;
  if (!value) return <p className="muted">กำลังโหลด…</p>;
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}
