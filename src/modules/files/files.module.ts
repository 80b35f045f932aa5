import { Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { BlobStorage, LocalDiskBlobStorage } from 'src/modules/files/blob-storage.js';
import { FilesController } from 'src/modules/files/files.controller.js';
import { FilesRepository } from 'src/modules/files/files.repository.js';
import { FilesService } from 'src/modules/files/files.service.js';
import { FilesJobs } from 'src/modules/files/files.jobs.js';
import { PdfUploadInterceptor } from 'src/modules/files/pdf-upload.interceptor.js';
import { ReadingRepository } from 'src/modules/files/reading.repository.js';
import { ReadingService } from 'src/modules/files/reading.service.js';

@Module({
  imports: [AuthModule, AuditModule],
  controllers: [FilesController],
  providers: [
    FilesRepository,
    FilesService,
    ReadingRepository,
    ReadingService,
    FilesJobs,
    PdfUploadInterceptor,
    {
      provide: BlobStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskBlobStorage(resolve(config.dataDir, 'files')),
    },
  ],
  exports: [FilesService, ReadingService, FilesJobs],
})
export class FilesModule {}
