import { Module } from '@nestjs/common';
import { DirectoryModule } from '../../directory/directory.module';
import { ProposalsModule } from '../proposals.module';
import { BulkAssignmentService } from './bulk-assignment.service';
import { ProposalImportController } from './import.controller';
import { ProposalImportService } from './import.service';
import { ImportProgress } from './import-progress';

/** 批量登记 (spreadsheet import) and 批量交办 (bulk assignment), on top of the single commands. */
@Module({
  imports: [ProposalsModule, DirectoryModule],
  controllers: [ProposalImportController],
  providers: [ProposalImportService, BulkAssignmentService, ImportProgress],
})
export class ProposalImportModule {}
