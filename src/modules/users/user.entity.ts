import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Clearance } from 'src/modules/users/roles.js';

/** A person who signs in. Units and roles come from memberships, never from the user row. */
@Entity({ name: 'users' })
@Check('users_clearance_check', `"clearance" IN ('none', 'confidential', 'secret')`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; sign-in compares lower-case. */
  @Index('users_username_key', { unique: true })
  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** ตำแหน่ง, e.g. เจ้าพนักงานธุรการชำนาญงาน. */
  @Column({ name: 'position_title', type: 'text', nullable: true })
  positionTitle: string | null;

  /** argon2id PHC string. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** Highest secrecy class the person may see (ลับที่สุด never enters the system). */
  @Column({ type: 'text', default: 'none' })
  clearance: Clearance;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
