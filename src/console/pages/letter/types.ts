import type { components } from '../../api/schema';
import { unwrap } from '../../api/client';

type Schemas = components['schemas'];

export type Dossier = Schemas['LetterDossierResponse'];
export type DossierReceipt = Schemas['DossierReceiptResponse'];
export type DossierMinute = Schemas['DossierMinuteResponse'];

/** A unit of the recipient picker (GET /units/:id/forward-targets). */
export interface TargetUnit {
  id: string;
  nameTh: string;
  kind: string;
  kindLabel: string;
  parentId: string | null;
  parentName: string | null;
  children: number;
  localAdministrations: number;
  selectable: boolean;
  noClearedMember?: boolean;
}

export interface QuickPick {
  key: string;
  labelTh: string;
  subtreeKinds: string[];
  count: number;
}

export interface TargetsPage {
  unit: { id: string; nameTh: string; kind: string };
  organisation: { id: string; nameTh: string; kind: string };
  parent: { id: string; nameTh: string; kind: string } | null;
  items: TargetUnit[];
  nextCursor: string | null;
  quickPicks: QuickPick[];
}

export interface ForwardPreview {
  recipients: number;
  alreadySent: number;
  willCreate: number;
  noClearedMember: { count: number; units: { id: string; nameTh: string }[] };
}

export interface ForwardAnswer {
  forwardId: string;
  created: number;
  skipped: { count: number; unitIds: string[] };
  responseDueAt: string | null;
}

/** Local administrations (อปท.): the kinds of "ทุก อปท. ในอำเภอ". */
export const LOCAL_ADMINISTRATION_KINDS = new Set([
  'provincial_administration',
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'subdistrict_administration',
]);

/**
 * For answers the API documents by example only (the picker, preview, forward): the body
 * checked at run time by the page's use of it, typed here by the interfaces above.
 */
export async function answerOf<T>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<T> {
  return (await unwrap<unknown>(call)) as T;
}
