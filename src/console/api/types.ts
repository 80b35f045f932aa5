import type { components } from './schema';

/**
 * Names for the answers the console reads, all from the types generated from the API's
 * OpenAPI document (schema.d.ts): a server change that breaks a screen breaks its build.
 */
type Schemas = components['schemas'];

export type Me = Schemas['MeResponse'];
export type Unit = Schemas['UnitResponse'];
export type Register = Schemas['RegisterResponse'];
export type InboxItem = Schemas['InboxItemResponse'];
export type Entry = Schemas['EntryResponse'];
export type OutgoingNumber = Schemas['OutgoingNumberResponse'];
export type Book = Schemas['BookResponse'];
export type Letter = Schemas['LetterResponse'];
export type LetterSummary = Schemas['LetterSummaryResponse'];
export type ParsedLetter = Schemas['ParsedLetterResponse'];
export type Notification = Schemas['NotificationResponse'];
export type UploadedFile = Schemas['UploadedFileResponse'];

/** A cursor page, as every list of the API answers it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type Reading = Schemas['ReadingResponse'];
export type Draft = Schemas['DraftResponse'];
export type ConfirmedDraft = Schemas['ConfirmedDraftResponse'];
