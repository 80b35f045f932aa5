import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoredFile } from 'src/modules/files/stored-file.entity.js';
import { Letter } from 'src/modules/letters/letter.entity.js';

/** The files of a letter, in order; position 0 is the letter itself (it gets the stamps). */
@Entity({ name: 'letter_files' })
@Index('letter_files_file_idx', ['fileId'])
export class LetterFile {
  @PrimaryColumn({ name: 'letter_id', type: 'uuid' })
  letterId: string;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Column({ name: 'file_id', type: 'uuid' })
  fileId: string;

  @ManyToOne(() => Letter, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'letter_files_letter_fk' })
  letter?: Letter;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'letter_files_file_fk' })
  file?: StoredFile;
}
