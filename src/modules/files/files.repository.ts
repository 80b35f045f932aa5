import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { col, queryFirst, queryRows } from 'src/database/rows.js';
import type { StoredFile } from 'src/modules/files/stored-file.entity.js';

export type FileRow = StoredFile;

const COLUMNS = `id, sha256, size, pages, media_type AS "mediaType", original_name AS "originalName",
  uploaded_by AS "uploadedBy", uploaded_unit_id AS "uploadedUnitId", created_at AS "createdAt"`;
const FILE_ROW = {
  id: col.uuid,
  sha256: col.text,
  size: col.bigint,
  pages: col.int,
  mediaType: col.text,
  originalName: col.nullable(col.text),
  uploadedBy: col.nullable(col.uuid),
  uploadedUnitId: col.nullable(col.uuid),
  createdAt: col.date,
};

@Injectable()
export class FilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, file: Omit<FileRow, 'id'>): Promise<FileRow> {
    const rows = await queryRows(
      manager,
      'FilesRepository.insert',
      FILE_ROW,
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

  async findByUnitAndSha256(
    manager: EntityManager,
    unitId: string,
    sha256: string,
  ): Promise<FileRow | undefined> {
    const row = await queryFirst(
      manager,
      'FilesRepository.findByUnitAndSha256',
      FILE_ROW,
      `SELECT ${COLUMNS} FROM files WHERE sha256 = $1 AND uploaded_unit_id = $2
       ORDER BY created_at, id LIMIT 1`,
      [sha256, unitId],
    );
    return row ?? undefined;
  }

  async findById(id: string): Promise<FileRow | undefined> {
    const row = await queryFirst(
      this.dataSource,
      'FilesRepository.findById',
      FILE_ROW,
      `SELECT ${COLUMNS} FROM files WHERE id = $1`,
      [id],
    );
    return row ?? undefined;
  }
}
