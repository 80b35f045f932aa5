import { Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { FilesModule } from 'src/modules/files/files.module.js';
import { ReceiptsController } from 'src/modules/receipts/receipts.controller.js';
import { ReceiptsRepository } from 'src/modules/receipts/receipts.repository.js';
import { ReceiptsService } from 'src/modules/receipts/receipts.service.js';
import { RegistersModule } from 'src/modules/registers/registers.module.js';

@Module({
  imports: [AuthModule, FilesModule, RegistersModule],
  controllers: [ReceiptsController],
  providers: [ReceiptsRepository, ReceiptsService],
  exports: [ReceiptsService],
})
export class ReceiptsModule {}
