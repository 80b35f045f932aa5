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
