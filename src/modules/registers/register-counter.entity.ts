import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Register } from 'src/modules/registers/register.entity.js';

/**
 * The yearly counter of a register (invariant 3). A number is taken by updating this row
 * inside the same transaction as the entry, so a rolled-back registration gives its
 * number back and concurrent ones queue on the row lock: never a sequence, never max()+1.
 */
@Entity({ name: 'register_counters' })
export class RegisterCounter {
  @PrimaryColumn({ name: 'register_id', type: 'uuid' })
  registerId: string;

  /** Buddhist-era calendar year in Asia/Bangkok (numbers restart on 1 January). */
  @PrimaryColumn({ name: 'be_year', type: 'integer' })
  beYear: number;

  /** The last number handed out; the opening floor of a year sets it before the first entry. */
  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;

  /** The floor an office set when it moved from its paper book mid-year (null: started at 1). */
  @Column({ name: 'opening_floor', type: 'integer', nullable: true })
  openingFloor: number | null;

  @ManyToOne(() => Register, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'register_id', foreignKeyConstraintName: 'register_counters_register_fk' })
  register?: Register;
}
