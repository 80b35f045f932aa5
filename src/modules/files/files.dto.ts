import { ApiProperty } from '@nestjs/swagger';
import type { FileRow } from 'src/modules/files/files.repository.js';

export interface UploadedFileView {
  id: string;
  sha256: string;
  pages: number;
  size: number;
  mediaType: string;
  originalName: string | null;
  createdAt: string;
}

export function view(row: FileRow): UploadedFileView {
  return {
    id: row.id,
    sha256: row.sha256,
    pages: row.pages,
    size: Number(row.size),
    mediaType: row.mediaType,
    originalName: row.originalName,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** An uploaded PDF as the API answers it, for the OpenAPI document. */
export class UploadedFileResponse implements UploadedFileView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'e3b0c442…' })
  sha256: string;

  @ApiProperty({ example: 2 })
  pages: number;

  @ApiProperty({ description: 'Bytes', example: 48213 })
  size: number;

  @ApiProperty({ example: 'application/pdf' })
  mediaType: string;

  @ApiProperty({ type: String, nullable: true })
  originalName: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** One line of a page as read, for the OpenAPI document. */
export class ReadLineResponse {
  @ApiProperty({ example: 'ที่ มท ๐๒๑๐.๓/ว ๑๒๓๔' })
  text: string;

  @ApiProperty({ description: '0–1; 1 for a text layer', example: 0.94 })
  confidence: number;

  @ApiProperty({
    description: 'PDF points from the top left of the page',
    example: { x0: 72, y0: 66, x1: 231, y1: 86 },
  })
  box: { x0: number; y0: number; x1: number; y1: number };

  @ApiProperty({
    type: [Number],
    required: false,
    description: 'OCR only: one 0–1 confidence per UTF-16 code unit of text',
  })
  charConfidences?: number[];
}

export class ReadingPageResponse {
  @ApiProperty({ example: 1 })
  pageNumber: number;

  @ApiProperty({ enum: ['text_layer', 'ocr'] })
  method: 'text_layer' | 'ocr';

  @ApiProperty({ description: 'Lines joined with line feeds' })
  text: string;

  @ApiProperty({ description: '0–1, mean over the lines by length; 0 when empty' })
  confidence: number;

  @ApiProperty({
    type: [String],
    description:
      'empty_page, garbage_text_layer (legacy-font text layer, read by OCR), low_confidence, noise_dropped, ocr_timeout',
  })
  warnings: string[];

  @ApiProperty({ description: 'Points' })
  width: number;

  @ApiProperty({ description: 'Points' })
  height: number;

  @ApiProperty({ type: [ReadLineResponse], required: false, description: 'With ?lines=1' })
  lines?: ReadLineResponse[];
}

export class ReadingFailureResponse {
  @ApiProperty({ example: 'READING_PDF_ENCRYPTED' })
  code: string;

  @ApiProperty({ description: 'Thai, for the clerk' })
  detail: string;
}

/** A file's reading: state, progress and, when done, its pages. */
export class ReadingResponse {
  @ApiProperty({ format: 'uuid' })
  fileId: string;

  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] })
  state: 'queued' | 'running' | 'done' | 'failed';

  @ApiProperty({ description: '1, then +1 for each re-read' })
  generation: number;

  @ApiProperty({ type: Number, nullable: true })
  pageCount: number | null;

  @ApiProperty()
  pagesDone: number;

  @ApiProperty({ type: ReadingFailureResponse, nullable: true })
  failure: ReadingFailureResponse | null;

  @ApiProperty({ type: [String], description: 'no_text when every page is empty' })
  warnings: string[];

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;

  @ApiProperty({ type: [ReadingPageResponse], nullable: true, description: 'When done' })
  pages: ReadingPageResponse[] | null;
}
