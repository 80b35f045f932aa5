import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from 'src/common/validation.js';
import { CreateLetterDto } from 'src/modules/letters/letters.dto.js';
import { EntryResponse } from 'src/modules/registers/registers.dto.js';
import { DRAFT_STATUSES, type DraftStatus } from 'src/modules/mailbox/mailbox-draft.entity.js';
import type { DraftRow } from 'src/modules/mailbox/mailbox.repository.js';

export class ListDraftsQuery {
  @ApiPropertyOptional({ enum: DRAFT_STATUSES, description: 'Only drafts in this state' })
  @Optional()
  @IsIn(DRAFT_STATUSES)
  status?: DraftStatus;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/**
 * The letter as the clerk reads it from the e-mail's PDF (the fields of POST /letters; its
 * files are the draft's PDFs), and where to register it.
 */
export class ConfirmDraftDto extends OmitType(CreateLetterDto, ['unitId', 'fileIds'] as const) {
  @ApiPropertyOptional({
    description: "An incoming register of the draft's unit; its ทะเบียนหนังสือรับ when omitted",
  })
  @Optional()
  @IsUUID()
  registerId?: string;

  @ApiPropertyOptional({ description: 'การปฏิบัติ', example: 'เสนอ ผวจ.' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  action?: string;

  @ApiPropertyOptional({ description: 'หมายเหตุ' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  remarks?: string;
}

export class DiscardDraftDto {
  @ApiProperty({
    description: 'Why, in Thai (kept on the draft)',
    example: 'อีเมลโฆษณา ไม่ใช่หนังสือราชการ',
  })
  @IsString()
  @MaxLength(1000)
  @Matches(/[\u0E01-\u0E5B]/, { message: 'reason must be written in Thai' })
  reason: string;
}

export class DraftFileResponse {
  @ApiProperty({ format: 'uuid', description: 'GET /files/{id} serves it' })
  fileId: string;

  @ApiProperty({ type: String, nullable: true, example: 'หนังสือ มท 0210.5-263.pdf' })
  name: string | null;

  @ApiProperty({ description: 'Order in the message; 0 becomes the letter itself' })
  position: number;

  @ApiProperty({
    description: 'The unit had these bytes already (an earlier message or upload): same file',
  })
  duplicate: boolean;
}

export class SkippedAttachmentResponse {
  @ApiProperty({ type: String, nullable: true, example: 'รูปภาพ.jpg' })
  name: string | null;

  @ApiProperty({ example: 'image/jpeg' })
  contentType: string;

  @ApiProperty({ description: 'Bytes' })
  size: number;

  @ApiProperty({
    description: '`not_pdf`, or the upload check that refused the PDF (FILE_PDF_ENCRYPTED, …)',
    example: 'not_pdf',
  })
  reason: string;
}

export class DraftResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ description: 'Message-ID, or sha256:… of the message when it had none' })
  messageId: string;

  @ApiProperty({ type: String, nullable: true, description: 'From, as stated (not verified)' })
  sender: string | null;

  @ApiProperty({ type: String, nullable: true })
  subject: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Date header' })
  sentAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  receivedAt: Date;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Plain-text body, cut to 10,000 characters; links in it are never followed',
  })
  bodyText: string | null;

  @ApiProperty({ description: 'False: the message had no PDF the checks accepted' })
  hasPdf: boolean;

  @ApiProperty({ enum: DRAFT_STATUSES })
  status: DraftStatus;

  @ApiProperty({ type: [DraftFileResponse] })
  files: DraftFileResponse[];

  @ApiProperty({ type: [SkippedAttachmentResponse] })
  skippedAttachments: SkippedAttachmentResponse[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  letterId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  entryId: string | null;

  @ApiProperty({ type: String, nullable: true })
  discardReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: Date | null;
}

export class DraftPageResponse {
  @ApiProperty({ type: [DraftResponse] })
  items: DraftResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class ConfirmedDraftResponse {
  @ApiProperty({ type: DraftResponse })
  draft: DraftResponse;

  @ApiProperty({ type: EntryResponse, description: 'The register entry (เลขรับ)' })
  entry: EntryResponse;
}

export function draftView(row: DraftRow): DraftResponse {
  return {
    id: row.id,
    unitId: row.unitId,
    messageId: row.messageId,
    sender: row.sender,
    subject: row.subject,
    sentAt: row.sentAt,
    receivedAt: row.receivedAt,
    bodyText: row.bodyText,
    hasPdf: row.hasPdf,
    status: row.status,
    files: row.files,
    skippedAttachments: row.skippedAttachments,
    letterId: row.letterId,
    entryId: row.entryId,
    discardReason: row.discardReason,
    decidedAt: row.decidedAt,
  };
}
