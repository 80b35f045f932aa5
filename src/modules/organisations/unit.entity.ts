import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { ReferenceDigits, UnitKind } from 'src/modules/organisations/unit-kind.js';

/**
 * A government unit (หน่วยงาน) in the one tree of the system.
 *
 * `path` is the materialised path of ids from the root, `/<id>/<id>/…/<own id>/`. A
 * subtree is one index range scan (`path LIKE '<prefix>%'` on a text_pattern_ops btree);
 * re-parenting rewrites the prefix of the subtree's paths in one UPDATE. Ids, not names,
 * so renaming never touches a path.
 */
@Entity({ name: 'units' })
@Check(
  'units_kind_check',
  `"kind" IN ('ministry', 'department', 'province', 'provincial_office', 'provincial_division', 'provincial_local_admin_office', 'district', 'district_local_admin_office', 'provincial_administration', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'subdistrict_administration', 'other')`,
)
@Check('units_reference_digits_check', `"reference_digits" IN ('thai', 'arabic')`)
@Index('units_parent_idx', ['parentId'])
// Hand-written in the migration: btree (path text_pattern_ops) and GIN (name_th gin_trgm_ops).
@Index('units_path_idx', { synchronize: false })
@Index('units_name_trgm_idx', { synchronize: false })
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: UnitKind;

  /** Full Thai name, e.g. สำนักงานจังหวัดร้อยเอ็ด. */
  @Column({ name: 'name_th', type: 'text' })
  nameTh: string;

  /** Short name, e.g. สนจ.รอ. */
  @Column({ name: 'short_name', type: 'text', nullable: true })
  shortName: string | null;

  /** Letter code (รหัสตัวพยัญชนะ) of reference numbers, e.g. รอ. */
  @Column({ name: 'letter_code', type: 'text', nullable: true })
  letterCode: string | null;

  /** Owner number (เลขประจำของเจ้าของเรื่อง), ASCII digits and dots, e.g. 0017.3. */
  @Column({ name: 'owner_number', type: 'text', nullable: true })
  ownerNumber: string | null;

  /** Title of the head's position, e.g. ผู้ว่าราชการจังหวัดร้อยเอ็ด. */
  @Column({ name: 'head_position', type: 'text', nullable: true })
  headPosition: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'units_parent_fk' })
  parent?: Unit | null;

  @Column({ type: 'text' })
  path: string;

  /** 0 for a root. */
  @Column({ type: 'integer' })
  depth: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Digits of this unit's reference numbers: Thai (the regulation's default) or Arabic. */
  @Column({ name: 'reference_digits', type: 'text', default: 'thai' })
  referenceDigits: ReferenceDigits;

  /** Natural key of seeded units (DOPA geocode or name path); null for units made by hand. */
  @Index('units_seed_key_key', { unique: true })
  @Column({ name: 'seed_key', type: 'text', nullable: true })
  seedKey: string | null;

  /** DOPA geocode (รหัสเขตการปกครอง) where the unit is tied to an area. */
  @Column({ type: 'text', nullable: true })
  geocode: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
