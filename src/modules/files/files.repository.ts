import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { StoredFile } from 'src/modules/files/stored-file.entity.js';

export type FileRow = StoredFile;

const COLUMNS = `id, sha256, size, pages, media_type AS "mediaType", original_name AS "originalName",
  uploaded_by AS "uploadedBy", uploaded_unit_id AS "uploadedUnitId", created_at AS "createdAt"`;

@Injectable()
export class FilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, file: Omit<FileRow, 'id'>): Promise<FileRow> {
    const rows: FileRow[] = await manager.query(
      `INSERT INTO files (sha256, size, pages, media_type, original_name, uploaded_by, uploaded_unit_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        file.sha256,
        file.size,
        file.pages,
        file.mediaType,
        file.originalName,
        file.uploadedBy,
        file.uploadedUnitId,
        file.createdAt,
      ],
    );
    return rows[0];
  }

  async findById(id: string): Promise<FileRow | undefined> {
    const rows: FileRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM files WHERE id = $1`,
      [id],
    );
    return rows[0];
  }
}
