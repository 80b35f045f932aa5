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
