import { BlobStorage } from 'src/modules/files/blob-storage.js';
import { FilesRepository } from 'src/modules/files/files.repository.js';
import { ReadingService } from 'src/modules/files/reading.service.js';
import { JobQueue } from 'src/queue/job-queue.js';
import type { TestApp } from './app.js';

/**
 * Stores `bytes` as a one-page PDF the way no upload would let through (uploads refuse
 * broken and encrypted files), queues its reading and answers the file's id: the reading
 * job must still end such a file clearly.
 */
export async function readStoredPdf(
  t: TestApp,
  bytes: Uint8Array,
  originalName: string,
  unitId: string,
): Promise<string> {
  const sha256 = await t.get(BlobStorage).put(bytes);
  const job = await t.dataSource.transaction(async (manager) => {
    const row = await t.get(FilesRepository).insert(manager, {
      sha256,
      size: String(bytes.byteLength),
      pages: 1,
      mediaType: 'application/pdf',
      originalName,
      uploadedBy: null,
      uploadedUnitId: unitId,
      createdAt: new Date(),
    });
    return t.get(ReadingService).requestInTransaction(manager, row.id);
  });
  await t.get(JobQueue).add([job]);
  if (job.name !== 'files.read') throw new Error(`expected a files.read job, got ${job.name}`);
  return job.data.fileId;
}
