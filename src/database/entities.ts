import { IdempotencyKey } from 'src/common/idempotency/idempotency-key.entity.js';
import { AuditChain } from 'src/modules/audit/audit-chain.entity.js';
import { AuditCheckpoint } from 'src/modules/audit/audit-checkpoint.entity.js';
import { AuditEvent } from 'src/modules/audit/audit-event.entity.js';
import { FileReading, FileReadingPage } from 'src/modules/files/file-reading.entity.js';
import { StoredFile } from 'src/modules/files/stored-file.entity.js';
import { MailboxDraft } from 'src/modules/mailbox/mailbox-draft.entity.js';
import { MailboxDraftFile } from 'src/modules/mailbox/mailbox-draft-file.entity.js';
import { Letter } from 'src/modules/letters/letter.entity.js';
import { LetterFile } from 'src/modules/letters/letter-file.entity.js';
import { Register } from 'src/modules/registers/register.entity.js';
import { RegisterCounter } from 'src/modules/registers/register-counter.entity.js';
import { RegisterEntry } from 'src/modules/registers/register-entry.entity.js';
import { Annotation } from 'src/modules/routing/annotation.entity.js';
import { Delivery } from 'src/modules/routing/delivery.entity.js';
import { Forward } from 'src/modules/routing/forward.entity.js';
import { ProgressEvent } from 'src/modules/routing/progress-event.entity.js';
import { Notification } from 'src/modules/notifications/notification.entity.js';
import { NotificationPreference } from 'src/modules/notifications/notification-preference.entity.js';
import { OutboundMessage } from 'src/modules/notifications/outbound-message.entity.js';
import { Escalation } from 'src/modules/escalation/escalation.entity.js';
import { EscalationPolicy } from 'src/modules/escalation/escalation-policy.entity.js';
import { Holiday } from 'src/modules/escalation/holiday.entity.js';
import { SweepRun } from 'src/worker/sweep-run.entity.js';
import { RefreshToken } from 'src/modules/auth/refresh-token.entity.js';
import { Unit } from 'src/modules/organisations/unit.entity.js';
import { Membership } from 'src/modules/users/membership.entity.js';
import { User } from 'src/modules/users/user.entity.js';

/** Every entity of the application; the DataSource and the schema-drift test read this list. */
export const ENTITIES = [
  AuditEvent,
  AuditChain,
  AuditCheckpoint,
  Unit,
  User,
  Membership,
  RefreshToken,
  IdempotencyKey,
  StoredFile,
  FileReading,
  FileReadingPage,
  Letter,
  LetterFile,
  Register,
  RegisterCounter,
  RegisterEntry,
  Delivery,
  Forward,
  Annotation,
  ProgressEvent,
  Notification,
  NotificationPreference,
  OutboundMessage,
  Holiday,
  EscalationPolicy,
  Escalation,
  SweepRun,
  MailboxDraft,
  MailboxDraftFile,
];
