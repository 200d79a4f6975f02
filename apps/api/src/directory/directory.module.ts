import { Module } from '@nestjs/common';
import { DirectoryService } from './directory.service';
import { UnitsController } from './units.controller';

@Module({
  controllers: [UnitsController],
  providers: [DirectoryService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
