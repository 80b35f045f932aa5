import { AuditTrail1795904031091 } from 'src/database/migrations/1795904031091-AuditTrail.js';
import { Organisations1795904323267 } from 'src/database/migrations/1795904323267-Organisations.js';
import { LettersAndRegisters1795904756307 } from 'src/database/migrations/1795904756307-LettersAndRegisters.js';
import { Routing1795905055926 } from 'src/database/migrations/1795905055926-Routing.js';
import { LetterSearchOrder1795905800384 } from 'src/database/migrations/1795905800384-LetterSearchOrder.js';
import { Escalation1795906364491 } from 'src/database/migrations/1795906364491-Escalation.js';
import { DeliveryProgressCover1795907849428 } from 'src/database/migrations/1795907849428-DeliveryProgressCover.js';
import { EscalationStarted1795908915835 } from 'src/database/migrations/1795908915835-EscalationStarted.js';
import { EntryLetterRegisterIndex1795909457019 } from 'src/database/migrations/1795909457019-EntryLetterRegisterIndex.js';
import { LetterSearchForm1795910600000 } from 'src/database/migrations/1795910600000-LetterSearchForm.js';
import { AuditChainPerUnit1796700000000 } from 'src/database/migrations/1796700000000-AuditChainPerUnit.js';
import { AuditChainHead1795923506512 } from 'src/database/migrations/1795923506512-AuditChainHead.js';
import { SubstitutionHolidays1796500652705 } from 'src/database/migrations/1796500652705-SubstitutionHolidays.js';
import { OutboundClaim1796600000000 } from 'src/database/migrations/1796600000000-OutboundClaim.js';
import { ProgressEvents1796710000000 } from 'src/database/migrations/1796710000000-ProgressEvents.js';
import { EscalationHalt1796720000000 } from 'src/database/migrations/1796720000000-EscalationHalt.js';
import { LetterOwnerUnit1796730000000 } from 'src/database/migrations/1796730000000-LetterOwnerUnit.js';
import { ProgressEscalationLevel1796740000000 } from 'src/database/migrations/1796740000000-ProgressEscalationLevel.js';
import { PublishedReadModels1796750000000 } from 'src/database/migrations/1796750000000-PublishedReadModels.js';
import { FileReadings1796765000000 } from 'src/database/migrations/1796765000000-FileReadings.js';
import { MailboxDrafts1796770000000 } from 'src/database/migrations/1796770000000-MailboxDrafts.js';
import { AuditHashInDatabase1796781300000 } from 'src/database/migrations/1796781300000-AuditHashInDatabase.js';
import { AuditAppendOne1796790000000 } from 'src/database/migrations/1796790000000-AuditAppendOne.js';
import { EscalationResume1796800000000 } from 'src/database/migrations/1796800000000-EscalationResume.js';
import { DeliveryProgressByRecipient1796810000000 } from 'src/database/migrations/1796810000000-DeliveryProgressByRecipient.js';

/** Every migration, in order. New ones are generated, reviewed, then listed here. */
export const MIGRATIONS = [
  AuditTrail1795904031091,
  Organisations1795904323267,
  LettersAndRegisters1795904756307,
  Routing1795905055926,
  LetterSearchOrder1795905800384,
  Escalation1795906364491,
  DeliveryProgressCover1795907849428,
  EscalationStarted1795908915835,
  EntryLetterRegisterIndex1795909457019,
  LetterSearchForm1795910600000,
  AuditChainHead1795923506512,
  SubstitutionHolidays1796500652705,
  OutboundClaim1796600000000,
  AuditChainPerUnit1796700000000,
  ProgressEvents1796710000000,
  EscalationHalt1796720000000,
  LetterOwnerUnit1796730000000,
  ProgressEscalationLevel1796740000000,
  PublishedReadModels1796750000000,
  FileReadings1796765000000,
  MailboxDrafts1796770000000,
  AuditHashInDatabase1796781300000,
  AuditAppendOne1796790000000,
  EscalationResume1796800000000,
  DeliveryProgressByRecipient1796810000000,
];
