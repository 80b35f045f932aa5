import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type Dossier = Schemas['LetterDossierResponse'];
export type DossierReceipt = Schemas['DossierReceiptResponse'];
export type DossierMinute = Schemas['DossierMinuteResponse'];
/** A minute as the annotation endpoint answers it. */
export type Annotation = Schemas['AnnotationResponse'];

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
