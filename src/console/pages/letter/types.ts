import type { components } from '../../api/schema';
import { unwrap } from '../../api/client';

type Schemas = components['schemas'];

export type Dossier = Schemas['LetterDossierResponse'];
export type DossierReceipt = Schemas['DossierReceiptResponse'];
export type DossierMinute = Schemas['DossierMinuteResponse'];

/** The recipient picker, its preview and the forward's answer. */
export type TargetUnit = Schemas['ForwardTargetResponse'];
export type QuickPick = Schemas['QuickPickResponse'];
export type TargetsPage = Schemas['ForwardTargetsPageResponse'];
export type ForwardPreview = Schemas['ForwardPreviewResponse'];
export type ForwardAnswer = Schemas['ForwardResponse'];

/** Local administrations (อปท.): the kinds of "ทุก อปท. ในอำเภอ". */
export const LOCAL_ADMINISTRATION_KINDS = new Set([
  'provincial_administration',
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'subdistrict_administration',
]);

/**
 * For answers the API documents by example only (the annotation): the body checked at run
 * time by the page's use of it, typed by the caller.
 */
export async function answerOf<T>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<T> {
  return (await unwrap<unknown>(call)) as T;
}
