import type { components } from '../../api/schema';

/** The tracking answers, from the types generated from the API's OpenAPI document. */
type Schemas = components['schemas'];

export type LevelCounts = Schemas['LevelCountsResponse'];
export type SentLetter = Schemas['SentLetterResponse'];
export type SentLettersPage = Schemas['SentLettersPageResponse'];
export type PendingUnit = Schemas['PendingUnitResponse'];
export type ChildRollup = Schemas['ChildRollupResponse'];
export type Progress = Schemas['ProgressResponse'];
export type AckSeries = Schemas['AcknowledgmentSeriesResponse'];
export type OverdueItem = Schemas['OverdueItemResponse'];
export type OverduePage = Schemas['OverduePageResponse'];
export type OverdueLevels = Schemas['OverdueLevelsResponse'];

/** ระดับการเร่งรัด as a supervisor reads it (escalation README: the ladder's rungs). */
export const LEVEL_LABEL: Record<number, string> = {
  0: 'ยังไม่เร่งรัด',
  1: 'ระดับ ๑ เตือนงานสารบรรณ',
  2: 'ระดับ ๒ แจ้งหัวหน้าหน่วยงาน',
  3: 'ระดับ ๓ แจ้งหัวหน้าผู้ส่ง',
  4: 'ระดับ ๔ แจ้งต้นเรื่อง',
};
