import { Module } from '@nestjs/common';
import { SessionService } from '../auth/sessions.service';
import { AccountsService } from './accounts.service';
import { ContactsService } from './contacts.service';
import { ContactsController } from './contacts.controller';
import { DirectoryDb } from './directory-db';
import { DirectoryService } from './directory.service';
import { UnitsController } from './units.controller';
import { LeadersController } from './leaders.controller';

@Module({
  controllers: [UnitsController, ContactsController, LeadersController],
  providers: [DirectoryDb, DirectoryService, SessionService, AccountsService, ContactsService],
  exports: [DirectoryDb, DirectoryService, SessionService, AccountsService, ContactsService],
})
export class DirectoryModule {}
