import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One upload. The bytes live in blob storage under their sha256 and are never modified. */
@Entity({ name: 'files' })
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('files_sha256_idx')
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bigint' })
  size: string;

  @Column({ type: 'integer' })
  pages: number;

  @Column({ name: 'media_type', type: 'text' })
  mediaType: string;

  @Column({ name: 'original_name', type: 'text', nullable: true })
  originalName: string | null;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  /** The unit the uploader acted for: its members may read the file before any letter links it. */
  @Index('files_uploaded_unit_idx')
  @Column({ name: 'uploaded_unit_id', type: 'uuid', nullable: true })
  uploadedUnitId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
