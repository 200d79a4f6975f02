import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@jyta/db';
import { DIRECTORY_ENTITIES } from '@jyta/directory';
import { Infrastructure } from '../infrastructure/infrastructure';

/**
 * The TypeORM DataSource of the plain-record tables (units, users, contacts). Its own small pool:
 * the event store and the projections keep the `pg` pool of Infrastructure.
 */
@Injectable()
export class DirectoryDb implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('DirectoryDb');
  readonly ds: DataSource;

  constructor(private readonly infra: Infrastructure) {
    this.ds = createDataSource(infra.config.databaseUrl, { entities: DIRECTORY_ENTITIES, poolSize: 5 });
  }

  async onModuleInit(): Promise<void> {
    // the schema first (migrations belong to Infrastructure)
    await this.infra.init();
    if (!this.ds.isInitialized) await this.ds.initialize();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy().catch((err) => this.logger.warn({ err }, 'closing the directory DataSource failed'));
  }
}
